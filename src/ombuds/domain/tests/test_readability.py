"""The readability check: Flesch-Douma (textstat, Dutch) on a letter as the resident reads it."""

from __future__ import annotations

from ombuds.domain.readability import B1_THRESHOLD, LONG_SENTENCE, readability, sentences_of

PLAIN = """Beste Jan,

Wij hebben uw vraag gekregen. Dank u wel. Wij bellen u binnen vijf dagen.

## Vragen?
Bel ons. Of mail naar ombuds@example.nl.

Met vriendelijke groet,
Anne Jansen"""

OFFICIAL = """Geachte heer,

Naar aanleiding van uw correspondentie betreffende de onderhavige aangelegenheid delen wij u
mede dat de gemeentelijke organisatie voornemens is de desbetreffende beschikking
dienaangaande te heroverwegen, onverminderd de bevoegdheden van het bestuursorgaan
krachtens de toepasselijke wettelijke voorschriften inzake maatschappelijke ondersteuning."""


def test_a_plain_letter_is_b1_and_says_so_in_words():
    result = readability(PLAIN)
    assert result.score >= B1_THRESHOLD and not result.above_b1
    assert result.label in ("makkelijk", "zeer makkelijk", "redelijk makkelijk")
    assert result.summary.startswith("Leesbaarheid: ") and "Flesch-Douma" in result.summary
    assert result.long_sentences == ()


def test_official_language_drifts_above_b1():
    result = readability(OFFICIAL)
    assert result.score < B1_THRESHOLD and result.above_b1
    assert result.label in ("vrij moeilijk", "moeilijk", "zeer moeilijk")
    assert result.level in ("boven taalniveau B1", "hoger onderwijs", "universitair niveau")


def test_long_sentences_are_named():
    sentence = " ".join(["woord"] * (LONG_SENTENCE + 1)) + "."
    result = readability(f"Kort. {sentence}")
    assert result.long_sentences == (sentence,)


def test_each_line_is_read_as_a_sentence_without_markers_and_addresses():
    lines = sentences_of("## Over uw vraag\n- een punt\nZaak STW-2026-0042, mail a@b.nl\n---\n\n"
                         "Met vriendelijke groet,\nAnne")
    assert lines == ["Over uw vraag.", "een punt.", "Zaak, mail.", "Met vriendelijke groet.", "Anne."]


def test_an_empty_text_is_not_judged():
    result = readability("  \n## \n")
    assert (result.words, result.above_b1) == (0, False)
    assert result.summary == "Leesbaarheid: nog geen tekst om te beoordelen."


def test_the_score_uses_the_dutch_weights():
    # Flesch-Douma: 206.835 - 0.93 × words per sentence - 77 × syllables per word.
    import textstat

    text = "Wij hebben uw vraag gekregen. Wij bellen u binnen vijf werkdagen."
    dutch = type(textstat.textstat)()
    dutch.set_lang("nl")
    dutch.set_rounding_points(None)
    assert round(readability(text).score, 3) == round(dutch.flesch_reading_ease(text), 3)
    words, sentences = dutch.lexicon_count(text), dutch.sentence_count(text)
    syllables = dutch.syllable_count(text)
    douma = 206.835 - 0.93 * words / sentences - 77 * syllables / words
    assert round(readability(text).score, 3) == round(douma, 3)
