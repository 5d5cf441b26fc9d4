"""The theme classifier: Dutch-aware tokens, it learns a toy register, and survives JSON."""

import json

import pytest

from ombuds.domain.textmodel import (
    NaiveBayes,
    acceptance,
    features,
    informative_words,
    stem,
    train,
    words,
)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("wachttijden", "wachttijd"),
        ("wachttijd", "wachttijd"),
        ("mogelijkheden", "mogelijkheid"),
        ("aanvragen", "aanvrag"),
        ("huisjes", "huis"),
        ("bussen", "bus"),
        ("zorg", "zorg"),  # too short to strip
        ("uitkeringen", "uitkering"),
    ],
)
def test_it_strips_common_dutch_inflections(word, expected):
    assert stem(word) == expected


def test_it_folds_accents_and_drops_stop_words():
    assert words("De financiële hulp van de Gemeente is er níét") == [
        "financiele", "hulp", "gemeente",
    ]


def test_it_makes_unigrams_and_bigrams():
    assert features("Lange wachttijden Wmo") == [
        "lang", "wachttijd", "wmo", "lang_wachttijd", "wachttijd_wmo",
    ]


def test_informative_words_prefer_long_recurring_words_and_keep_their_form():
    text = "Wachttijden scootmobiel. Ik wacht op de scootmobiel en de wachttijden zijn lang."
    assert informative_words(text, k=2) == ["wachttijden", "scootmobiel"]


TOY = [
    ("Ik wacht al maanden op mijn scootmobiel van de Wmo", "hulpmiddel"),
    ("De traplift is nog steeds niet geplaatst, wachttijd Wmo", "hulpmiddel"),
    ("Rolstoel kapot en de leverancier komt niet", "hulpmiddel"),
    ("Mijn bijstandsuitkering is stopgezet zonder bericht", "uitkering"),
    ("Terugvordering van de uitkering, ik moet veel terugbetalen", "uitkering"),
    ("De Participatiewet uitkering komt te laat op mijn rekening", "uitkering"),
    ("Het leerlingenvervoer haalt mijn zoon niet op", "vervoer"),
    ("Taxi van het leerlingenvervoer te laat bij school", "vervoer"),
    ("Wmo vervoer taxi kwam niet opdagen", "vervoer"),
]


@pytest.fixture
def toy_model() -> NaiveBayes:
    return train([t for t, _ in TOY], [label for _, label in TOY])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mijn scootmobiel is na een half jaar nog niet geleverd", "hulpmiddel"),
        ("Ze vorderen mijn uitkering terug", "uitkering"),
        ("Het leerlingenvervoer is weer te laat", "vervoer"),
        ("De taxi kwam niet", "vervoer"),
        ("Rolstoel", "hulpmiddel"),
    ],
)
def test_it_learns_a_toy_register(toy_model, text, expected):
    best = toy_model.predict(text, k=1)[0]
    assert best.label == expected
    assert best.probability > 1 / 3  # better than the prior of three equal labels


def test_probabilities_are_ordered_and_sum_to_one(toy_model):
    predictions = toy_model.predict("scootmobiel uitkering taxi", k=3)
    assert len(predictions) == 3
    assert [p.probability for p in predictions] == sorted(
        (p.probability for p in predictions), reverse=True)
    assert sum(p.probability for p in predictions) == pytest.approx(1.0)


def test_an_unknown_text_gets_the_prior(toy_model):
    predictions = toy_model.predict("xyzzy plugh", k=3)
    assert {p.label for p in predictions} == {"hulpmiddel", "uitkering", "vervoer"}
    assert all(p.probability == pytest.approx(1 / 3) for p in predictions)


def test_an_empty_model_predicts_nothing():
    assert NaiveBayes().predict("scootmobiel") == []


def test_a_text_may_carry_several_labels():
    model = train(["scootmobiel wachttijd", "uitkering gestopt"],
                  [["hulpmiddel", "wachttijd"], "uitkering"])
    assert model.doc_counts == {"hulpmiddel": 1, "wachttijd": 1, "uitkering": 1}
    assert {p.label for p in model.predict("scootmobiel", k=2)} == {"hulpmiddel", "wachttijd"}


def test_rare_features_are_dropped_with_min_count():
    model = train(["taxi taxi laat", "taxi"], ["a", "b"], min_count=2)
    assert model.vocabulary == {"taxi"}


def test_it_round_trips_through_json(toy_model):
    restored = NaiveBayes.from_json(json.loads(json.dumps(toy_model.to_json())))
    assert restored.to_json() == toy_model.to_json()
    text = "Mijn traplift en rolstoel"
    assert restored.predict(text, k=3) == toy_model.predict(text, k=3)


def test_it_refuses_an_unknown_format():
    with pytest.raises(ValueError, match="format"):
        NaiveBayes.from_json({"version": 99})


def test_texts_and_labels_must_pair_up():
    with pytest.raises(ValueError):
        train(["een"], ["a", "b"])


@pytest.mark.parametrize(
    ("suggested", "chosen", "expected"),
    [
        (["1", "2"], ["1"], "ja"),
        (["1", "2"], ["1", "7"], "ja"),
        (["1", "2"], ["2"], "deels"),
        (["1", "2"], ["7"], "nee"),
        (["1", "2"], [], "nee"),
        ([], ["1"], "nee"),
    ],
)
def test_acceptance_of_a_suggestion(suggested, chosen, expected):
    assert acceptance(suggested, chosen) == expected
