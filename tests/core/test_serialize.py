"""The JSON form round-trips every field of the model, ids included."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from drafter import serialize
from drafter.model import Resolution
from tests.strategies import resolutions


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_dict_round_trip(res: Resolution) -> None:
    assert serialize.from_dict(serialize.to_dict(res)) == res


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_json_text_round_trip(res: Resolution) -> None:
    assert serialize.loads(serialize.dumps(res)) == res
