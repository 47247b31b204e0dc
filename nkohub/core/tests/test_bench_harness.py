"""The benchmarks' harness (bench/harness.py) and data set sizes (bench/data.py): pure functions only."""

import pytest

from bench import data, harness


@pytest.fixture(autouse=True)
def no_figures_left(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(harness, "_figures", [])


def test_percentile_is_the_nearest_rank() -> None:
    values = [float(n) for n in range(1, 101)]

    assert harness.percentile(values, 0.95) == 95.0
    assert harness.percentile(values, 0.5) == 50.0
    assert harness.percentile(list(reversed(values)), 1.0) == 100.0


def test_percentile_refuses_fewer_than_one_hundred_samples() -> None:
    with pytest.raises(harness.TooFewSamples, match="over 99 samples"):
        harness.percentile([1.0] * 99, 0.95)


def test_percentile_refuses_a_share_outside_zero_to_one() -> None:
    with pytest.raises(ValueError, match="share must be"):
        harness.percentile([1.0] * 100, 95)


def test_figure_refuses_a_percentile_over_too_few_samples() -> None:
    with pytest.raises(harness.TooFewSamples, match="taken over 4 samples"):
        harness.figure("catalogue p95", 12.0, goal=50, samples=4)

    assert harness.figures() == []


def test_figure_says_how_many_samples_and_whether_the_goal_is_met(
    capsys: pytest.CaptureFixture[str],
) -> None:
    item = harness.figure("search p95", 41.25, goal=50, samples=100)

    line = capsys.readouterr().out
    assert item.ok is True
    assert line.startswith("  ✔ search p95 (n=100)")
    assert "41.2 ms   goal ≤ 50.0 ms" in line
    assert "load " in line


def test_a_higher_is_better_figure_below_its_goal_is_missed() -> None:
    item = harness.figure("page / floor", 31.0, goal=50, unit="%", higher_is_better=True)

    assert item.ok is False


def test_p95_figure_is_the_percentile_of_the_samples(capsys: pytest.CaptureFixture[str]) -> None:
    times = [float(n) for n in range(200)]

    item = harness.p95_figure("page", times, goal=500)

    assert (item.name, item.value) == ("page p95 (n=200)", 189.0)
    assert "n=200 p50 99.5 ms" in capsys.readouterr().out


def test_summary_fails_the_run_when_any_goal_is_missed(capsys: pytest.CaptureFixture[str]) -> None:
    harness.figure("met", 1.0, goal=2)
    harness.figure("missed", 3.0, goal=2)

    status = harness.summary()

    out = capsys.readouterr().out
    assert status == 1
    assert "1 of 2 figures met their goals" in out
    assert "1 ✘: missed" in out


def test_summary_passes_the_run_when_every_goal_is_met() -> None:
    harness.figure("met", 1.0, goal=2)

    assert harness.summary() == 0


def test_sample_ms_runs_the_preparation_before_every_sample_unmeasured() -> None:
    calls: list[str] = []

    times = harness.sample_ms(
        lambda: calls.append("action"),
        samples=3,
        warmup=1,
        before_each=lambda: calls.append("clear"),
    )

    assert len(times) == 3
    assert calls == ["action", "clear", "action", "clear", "action", "clear", "action"]


def test_cold_and_warm_clears_before_each_cold_sample_only() -> None:
    state = {"cached": False, "clears": 0}

    def clear() -> None:
        state["cached"] = False
        state["clears"] += 1

    seen: list[bool] = []

    def action() -> None:
        seen.append(bool(state["cached"]))
        state["cached"] = True

    cold, warm = harness.cold_and_warm(action, samples=100, clear=clear)

    assert (len(cold), len(warm), state["clears"]) == (100, 100, 100)
    assert seen[:100] == [False] * 100  # every cold sample found the cache empty
    assert seen[101:] == [True] * 100  # after one unmeasured warm-up, every sample found it full


def test_cold_and_warm_refuses_fewer_than_one_hundred_samples() -> None:
    with pytest.raises(harness.TooFewSamples):
        harness.cold_and_warm(lambda: None, samples=20, clear=lambda: None)


def test_the_small_data_set_lives_beside_the_full_one() -> None:
    url = "postgres://postgres@127.0.0.1:5432/nkohub_bench"

    assert data.small_database_url(url) == "postgres://postgres@127.0.0.1:5432/nkohub_bench_small"
    assert data.small_database_url(data.small_database_url(url)) == data.small_database_url(url)


def test_the_two_sizes_are_the_issues_and_a_tenth_of_them() -> None:
    assert data.FULL.describe() == (
        "200,000 organisations, 100,000 offers (20,000 requests), 2,000 competitions, "
        "5,000 fair projects, 5,000 published appeals"
    )
    assert (data.SMALL.organizations, data.SMALL.competitions) == (20_000, 200)
