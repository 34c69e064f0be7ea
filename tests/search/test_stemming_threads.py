"""Stemming is safe from several threads at once (gunicorn serves requests in threads)."""
import sys
import threading

from search import analysis

WORDS = [f"{stem}{suffix}" for stem in ("financ", "innov", "territor", "hospital", "numéri", "recherch", "accompagn")
         for suffix in ("ement", "ements", "ations", "ateurs", "ables", "issement", "ités", "ique", "iques", "er")]


def test_threads_stemming_at_once_get_the_words_they_asked_for():
    analysis.stem.cache_clear()
    expected = {word: analysis.stem(word) for word in WORDS}
    results, errors = [], []

    def work():
        try:
            for _ in range(30):
                analysis.stem.cache_clear()  # stem for real each time, not from the cache
                results.append({word: analysis.stem(word) for word in WORDS})
        except Exception as exc:  # an IndexError when the threads share one stemmer
            errors.append(exc)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    assert all(result == expected for result in results)
