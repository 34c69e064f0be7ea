"""The programme listing's read path, apart from the one FilterSet (`programmes.filters`) every reader shares.

- `keys`: a programme's links copied into arrays of its row, which the filters and counts read;
- `facet_counts`: how many results each option would give, in one SQL statement;
- `facet_options`: the options the filter form shows (value, label, count);
- `filter_form`: the rendered form, kept per selection;
- `cards`: the rendered programme cards, kept per programme;
- `reasons`: why a programme appears for the territory asked about.
"""
