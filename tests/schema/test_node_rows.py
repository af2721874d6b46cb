"""`from_row`: a Strawberry object built from a store row, as its constructor builds it."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
import strawberry
from graphql import GraphQLObjectType

from cypher.migrations import NODE_KEYS
from schema.node import DataQuality, _row_plan, from_row, row_fields
from schema.project_types import Project
from schema.reference_types import Country
from schema.root import build_schema


def _object_types() -> list[type]:
    """Every dataclass behind an object type of the schema."""
    found = []
    for graphql_type in build_schema()._schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType):
            continue
        definition = (graphql_type.extensions or {}).get("strawberry-definition")
        origin = getattr(definition, "origin", None)
        if dataclasses.is_dataclass(origin):
            found.append(origin)
    return found


def _row_for(cls: type) -> dict[str, Any]:
    """A row with a distinct value for every property the type reads, and a graph key."""
    row: dict[str, Any] = {prop: f"{prop}-value" for _, prop in row_fields(cls)}
    row["dataQuality"] = "SECONDARY"
    row["id"] = "the-key"
    return row


def _by_constructor(cls: type, row: dict[str, Any], built: Any) -> Any:
    """The object the dataclass constructor makes from the values `from_row` gave `built`."""
    values = {f.name: getattr(built, f.name) for f in dataclasses.fields(cls) if f.init}
    return cls(**values)


@pytest.mark.parametrize("cls", _object_types(), ids=lambda cls: cls.__name__)
def test_from_row_builds_what_the_constructor_builds(cls: type) -> None:
    row = _row_for(cls)
    built = from_row(cls, row)
    assert type(built) is cls
    assert vars(built) == vars(_by_constructor(cls, row, built))


@pytest.mark.parametrize("cls", _object_types(), ids=lambda cls: cls.__name__)
def test_each_field_takes_its_property_and_fields_the_row_lacks_are_none(cls: type) -> None:
    graph_key = NODE_KEYS.get(cls.__name__)
    read = _row_plan(cls).fields
    for name, prop in read:
        row: dict[str, Any] = {graph_key: "the-key"} if graph_key is not None else {}
        row[prop] = "SECONDARY" if prop == "dataQuality" else f"{prop}-value"
        built = from_row(cls, row)
        expected = DataQuality.SECONDARY if prop == "dataQuality" else f"{prop}-value"
        assert getattr(built, name) == expected
        others = [other for other, p in read if other != name and p != graph_key]
        assert [getattr(built, other) for other in others] == [None] * len(others)


def test_project_and_country_are_built_without_a_constructor_call() -> None:
    assert _row_plan(Project).direct
    assert _row_plan(Country).direct
    project = from_row(Project, {"ref": "KH005", "title": "Solar", "dataQuality": "OFFICIAL"})
    assert (project.ref, project.title) == ("KH005", "Solar")
    assert project.data_quality is DataQuality.OFFICIAL
    assert project.registered_on is None  # a property the row does not hold
    country = from_row(Country, {"code": "KH", "name": "Cambodia"}, asean=True)
    assert (country.code, country.name, country.asean) == ("KH", "Cambodia", True)


@pytest.mark.parametrize("quality", list(DataQuality))
def test_a_stored_data_quality_becomes_its_member(quality: DataQuality) -> None:
    assert from_row(Country, {"code": "KH", "dataQuality": quality.value}).data_quality is quality


def test_a_data_quality_the_enum_does_not_have_is_refused() -> None:
    with pytest.raises(ValueError, match="'GUESSED' is not a valid DataQuality"):
        from_row(Country, {"code": "KH", "dataQuality": "GUESSED"})


def test_from_row_refuses_a_name_the_type_does_not_take() -> None:
    with pytest.raises(TypeError, match="unknown_field"):
        from_row(Country, {"code": "KH", "name": "Cambodia"}, unknown_field=1)


@strawberry.type
class _Checked:
    name: str
    seen: bool = dataclasses.field(default=False, init=False)

    def __post_init__(self) -> None:
        self.seen = True


@strawberry.type
class _Listed:
    name: str
    notes: list[str] = dataclasses.field(default_factory=list, init=False)


def test_a_type_whose_constructor_does_more_is_built_by_it() -> None:
    assert from_row(_Checked, {"name": "a"}).seen is True
    assert from_row(_Listed, {"name": "b"}).notes == []


@strawberry.type
class _TwoReadOne:
    title: str
    heading: str = dataclasses.field(metadata={"prop": "title"})


def test_a_type_with_two_fields_reading_one_property_is_refused() -> None:
    with pytest.raises(TypeError, match="two fields of _TwoReadOne read one property"):
        from_row(_TwoReadOne, {"title": "Solar"})
