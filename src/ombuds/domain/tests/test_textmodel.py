"""The text classifier: Snowball-stemmed Dutch words, a vocabulary prior that works without
any case, compounds and typos, calibrated probabilities that never reach certainty, and
JSON storage."""

import json
import math

import pytest

from ombuds.domain import textmodel
from ombuds.domain.textmodel import (
    CERTAINTY_CAP,
    NaiveBayes,
    acceptance,
    calibrated,
    features,
    fit_temperature,
    in_words,
    informative_words,
    stem,
    train,
    train_calibrated,
    words,
)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # The Dutch Snowball stemmer (snowballstemmer's "dutch"), not a hand-written list.
        ("wachttijden", "wachttijd"),
        ("uitkeringen", "uitkeer"),
        ("uitkering", "uitkeer"),
        ("aanvragen", "aanvraag"),
        ("geweigerd", "weiger"),
        ("weigeren", "weiger"),
        ("scootmobielen", "scootmobiel"),
        ("zorg", "zorg"),
    ],
)
def test_it_stems_with_the_dutch_snowball_stemmer(word, expected):
    assert stem(word) == expected


def test_the_stem_is_snowballs_own():
    import snowballstemmer

    snowball = snowballstemmer.stemmer(textmodel.STEMMER)
    for word in ["huishoudelijke", "bewindvoerder", "beschikkingen", "herindicatie"]:
        assert stem(word) == snowball.stemWord(word)


def test_inflected_forms_meet():
    assert features("uitkeringen brieven gemeentes") == features("uitkering brief gemeente")
    assert features("aangevraagd") == features("aanvragen")


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
    predictions = toy_model.predict("scootmobiel uitkering taxi", k=None)
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


# --- the vocabulary prior: a new office without cases ---------------------------------------

PRIOR = {
    "hulpmiddel": ["rolstoel", "scootmobiel", "traplift", "leverancier"],
    "uitkering": ["bijstand", "uitkering gestopt", "terugvordering"],
    "beslag": [("deurwaarder", 2.0), "beslagvrije voet"],
}


def test_a_vocabulary_alone_suggests_with_zero_cases():
    model = train([], [], prior=PRIOR)
    assert model.doc_counts == {"hulpmiddel": 1.0, "uitkering": 1.0, "beslag": 1.0}
    assert model.predict("Mijn scootmobiel is kapot", k=1)[0].label == "hulpmiddel"
    assert model.predict("Mijn uitkering is gestopt", k=1)[0].label == "uitkering"
    assert model.predict("De deurwaarder staat voor de deur", k=1)[0].label == "beslag"


def test_a_phrase_counts_its_weight():
    model = train([], [], prior=PRIOR)
    assert model.feature_counts["beslag"][stem("deurwaarder")] == 2.0
    assert model.feature_counts["uitkering"][f"{stem('uitkering')}_{stem('gestopt')}"] == 1.0


def test_cases_refine_the_vocabulary():
    """A word the vocabulary gives one label moves to another once cases use it there."""
    text = "De taxi naar de dagbesteding komt niet"
    before = train([], [], prior=PRIOR).predict(text, k=None)
    assert all(p.probability == pytest.approx(1 / 3) for p in before)  # nothing known yet
    cases = ["De taxi naar de dagbesteding was weer te laat"] * 3
    after = train(cases, ["hulpmiddel"] * 3, prior=PRIOR)
    assert after.predict(text, k=1)[0].label == "hulpmiddel"
    assert after.predict(text, k=1)[0].probability > 0.5
    assert after.doc_counts["hulpmiddel"] == 4.0  # one from the vocabulary, three cases


def test_compounds_and_typos_find_known_words():
    model = train([], [], prior=PRIOR)
    assert "scootmobiel" in model.known_features("mijn scootmobil")  # typo
    assert stem("traplift") in model.known_features("de trapliftmonteur komt niet")  # compound
    assert model.predict("trapliftmonteur", k=1)[0].label == "hulpmiddel"


# --- calibration ----------------------------------------------------------------------------

def test_no_probability_reaches_certainty():
    model = train([], [], prior=PRIOR)
    text = " ".join(["rolstoel scootmobiel traplift leverancier"] * 50)
    best = model.predict(text, k=1)[0]
    assert best.label == "hulpmiddel"
    assert best.probability <= CERTAINTY_CAP < 1.0
    for temperature in (0.01, 0.1, 1.0):
        assert max(calibrated({"a": 1000.0, "b": 0.0}, temperature).values()) <= CERTAINTY_CAP


def test_two_labels_also_stay_below_certainty():
    probabilities = calibrated({"a": 50.0, "b": 0.0}, 1.0)
    assert probabilities["a"] == pytest.approx(CERTAINTY_CAP)
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_a_longer_story_is_not_more_certain_by_its_length_alone():
    model = train([], [], prior=PRIOR)
    short = model.predict("scootmobiel kapot", k=1)[0].probability
    repeated = model.predict("scootmobiel kapot " * 30, k=1)[0].probability
    assert repeated == pytest.approx(short, abs=0.2)


def test_the_temperature_flattens_an_overconfident_model():
    """Held-out texts where the top score is right only half the time: the fitted
    temperature brings the top probability near one half."""
    held_out = [({"a": 10.0, "b": 0.0}, {"a"}), ({"a": 10.0, "b": 0.0}, {"b"})] * 5
    temperature = fit_temperature(held_out)
    assert temperature > 5
    assert calibrated({"a": 10.0, "b": 0.0}, temperature)["a"] < 0.7


def test_a_right_model_keeps_a_sharp_temperature():
    held_out = [({"a": 3.0, "b": 0.0}, {"a"}), ({"a": 0.0, "b": 3.0}, {"b"})] * 5
    assert fit_temperature(held_out) < 1.0
    assert fit_temperature([]) == 1.0


def test_train_calibrated_fits_the_temperature_by_cross_validation():
    texts = [t for t, _ in TOY] * 2
    labels = [label for _, label in TOY] * 2
    model = train_calibrated(texts, labels, prior=PRIOR, folds=3)
    assert model.temperature in textmodel.TEMPERATURES
    assert model.predict("rolstoel kapot", k=1)[0].label == "hulpmiddel"
    assert all(p.probability < 1 for p in model.predict("rolstoel " * 40, k=None))


@pytest.mark.parametrize(
    ("probability", "expected"),
    [(0.94, "zeer waarschijnlijk"), (0.75, "zeer waarschijnlijk"), (0.6, "waarschijnlijk"),
     (0.3, "mogelijk"), (0.1, "minder waarschijnlijk"), (0.0, "minder waarschijnlijk")],
)
def test_a_probability_is_said_in_words(probability, expected):
    assert in_words(probability) == expected


def test_no_probability_is_ever_said_to_be_certain():
    said = {in_words(p / 100) for p in range(101)}
    assert not any("zeker" in s for s in said)


# --- storage --------------------------------------------------------------------------------

def test_a_text_may_carry_several_labels():
    model = train(["scootmobiel wachttijd", "uitkering gestopt"],
                  [["hulpmiddel", "wachttijd"], "uitkering"])
    assert model.doc_counts == {"hulpmiddel": 1, "wachttijd": 1, "uitkering": 1}
    assert {p.label for p in model.predict("scootmobiel", k=2)} == {"hulpmiddel", "wachttijd"}


def test_rare_features_are_dropped_with_min_count():
    model = train(["taxi taxi laat", "taxi"], ["a", "b"], min_count=2)
    assert model.vocabulary == {"taxi"}


def test_it_round_trips_through_json(toy_model):
    toy_model.temperature = 2.5
    restored = NaiveBayes.from_json(json.loads(json.dumps(toy_model.to_json())))
    assert restored.to_json() == toy_model.to_json()
    text = "Mijn traplift en rolstoel"
    assert restored.predict(text, k=3) == toy_model.predict(text, k=3)


def test_it_refuses_an_unknown_format():
    with pytest.raises(ValueError, match="format"):
        NaiveBayes.from_json({"version": 1})


def test_texts_and_labels_must_pair_up():
    with pytest.raises(ValueError):
        train(["een"], ["a", "b"])


def test_scores_are_finite_for_any_text(toy_model):
    for text in ["", "   ", "123 456", "ë ï ü", "x" * 500]:
        assert all(math.isfinite(s) for s in toy_model.scores(text).values())


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
