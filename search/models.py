"""Editable synonyms and the vocabulary of indexed words (for "did you mean…")."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from .analysis import words


class Synonym(models.Model):
    """A group of expressions that mean the same: a query with one also looks for the others."""

    expressions = models.CharField(
        _("expressions"), max_length=300, unique=True,
        help_text=_("Séparées par « | », par ex. « IA | intelligence artificielle »."),
    )

    class Meta:
        verbose_name = _("synonyme")
        verbose_name_plural = _("synonymes")
        ordering = ["expressions"]

    def __str__(self):
        return self.expressions

    def groups(self):
        return [words(part) for part in self.expressions.split("|") if words(part)]


class Term(models.Model):
    """A folded word seen in the index: suggestions for misspelt queries come from here."""

    word = models.CharField(max_length=60, unique=True)

    class Meta:
        verbose_name = _("mot indexé")
        verbose_name_plural = _("mots indexés")

    def __str__(self):
        return self.word
