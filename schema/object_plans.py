"""Whole objects answered at once, by a plan made once per request and selection.

schema/direct_fields.py answers one field at a time: each field of each object pays again for
the same checks (its directives, its kind, a response path) and for graphql-core's loop over
the object's fields. When every field a selection asks for, to any depth, is one that file
answers directly, those checks come out the same for every object of a list: a plan worked
out once per request for the (type, selection) answers a whole object, nested objects and
lists included, as plain function calls. It is made when the selection's objects repeat (from
the second on): for an object met once, making the plan costs more than it saves.

A plan either answers the object whole or gives up on the first value it cannot complete
(a null where the schema forbids one, a relation still to be loaded, a value a scalar
refuses, any error). The object is then executed field by field as before, which reports the
error at its own path; plans, like the direct path, have no side effects, so doing an object
twice changes nothing. A plan that gave up is not tried again in the same request, so a
selection that needs loads costs at most one wasted attempt per plan."""

from __future__ import annotations

from collections.abc import Callable
from inspect import isawaitable
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    Undefined,
)
from graphql.execution.values import get_argument_values

from schema.direct_fields import DirectExecutor, accepts, direct_field, has_other_directives
from schema.node import NOT_PRIMED

Plan = Callable[[Any], dict[str, Any]]
Complete = Callable[[Any], Any]


class _GiveUp(Exception):
    """This object is not the plan's to answer; field-by-field execution will."""


class Planned:
    """One (type, selection) of this request: how often its objects were executed, and its
    plan once made (None when it has none, or gave up)."""

    __slots__ = ("made", "plan", "selection", "uses")

    def __init__(self, selection: Any) -> None:
        self.selection = selection  # kept alive: records are found by its id
        self.uses = 0
        self.made = False
        self.plan: Plan | None = None


# A plan costs about as much to make as executing a few objects field by field gains, so it
# is made for a selection whose objects repeat (the items of a list), from the second one on.
PLAN_FROM_USE = 2


class PlannedExecutor(DirectExecutor):
    """DirectExecutor that answers an object by its selection's plan where it has one."""

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        path: Any,
        grouped_field_set: Any,
        position_context: Any,
    ) -> Any:
        if path is not None and position_context is None:
            planned = self._record(parent_type, grouped_field_set)
            planned.uses += 1
            if planned.uses >= PLAN_FROM_USE:
                plan = self._made(planned, parent_type).plan
                if plan is not None:
                    try:
                        return plan(source)
                    except Exception:
                        self.give_up(planned)
        return super().execute_fields(
            parent_type, source, path, grouped_field_set, position_context
        )

    def give_up(self, planned: Planned) -> None:
        planned.plan = None  # the rest of the request goes field by field

    def _record(self, parent_type: GraphQLObjectType, grouped: Any) -> Planned:
        records: dict[tuple[GraphQLObjectType, int], Planned] | None = getattr(
            self, "_object_plans", None
        )
        if records is None:
            records = self._object_plans = {}
        key = (parent_type, id(grouped))
        planned = records.get(key)
        if planned is None:
            planned = records[key] = Planned(grouped)
        return planned

    def _made(self, planned: Planned, parent_type: GraphQLObjectType) -> Planned:
        if not planned.made:
            planned.made = True
            planned.plan = self._plan(parent_type, planned.selection)
        return planned

    def _plan(self, parent_type: GraphQLObjectType, grouped: Any) -> Plan | None:
        """The plan for objects of `parent_type` with this selection; None when a field in
        it, at any depth, is not one the direct path answers."""
        middleware = self.middleware_manager
        if middleware is not None and middleware.middlewares:
            return None
        steps: list[tuple[str, Complete]] = []
        for response_name, field_details_list in grouped.items():
            step = self._step(parent_type, field_details_list)
            if step is None:
                return None
            steps.append((response_name, step))

        def plan(source: Any) -> dict[str, Any]:
            return {name: step(source) for name, step in steps}

        return plan

    def _step(self, parent_type: GraphQLObjectType, field_details_list: Any) -> Complete | None:
        """How to answer one field of the selection from its object."""
        node = field_details_list[0].node
        if has_other_directives(node):
            return None
        name = node.name.value
        if name == "__typename":
            type_name = parent_type.name
            return lambda _source: type_name
        direct = direct_field(parent_type, name)
        if direct is None or (node.arguments and not direct.paged) or direct.is_async:
            return None
        try:
            arguments = (
                get_argument_values(
                    direct.definition,
                    node,
                    self.variable_values,
                    field_details_list[0].fragment_variable_values,
                )
                if direct.paged
                else {}
            )
        except Exception:
            return None
        complete = self._completer(direct.definition.type, field_details_list)
        if complete is None:
            return None
        read, context = direct.read, self.context_value
        if not direct.resolves:
            return lambda source: complete(read(source, context))

        def resolved(source: Any) -> Any:
            value = read(source, context, **arguments)
            if value is NOT_PRIMED:
                raise _GiveUp
            if isawaitable(value):
                if hasattr(value, "close"):
                    value.close()
                raise _GiveUp
            return complete(value)

        return resolved

    def _completer(self, gql_type: GraphQLOutputType, field_details_list: Any) -> Complete | None:
        """How to complete a value of `gql_type` selected by `field_details_list`; None for
        what the plan leaves to field-by-field execution (interfaces, unions, deferred
        fragments)."""
        non_null = isinstance(gql_type, GraphQLNonNull)
        inner = gql_type.of_type if non_null else gql_type
        if isinstance(inner, GraphQLScalarType | GraphQLEnumType):
            serialize = inner.serialize

            def leaf(value: Any) -> Any:
                if value is None:
                    if non_null:
                        raise _GiveUp
                    return None
                out = serialize(value)
                if out is None or out is Undefined:
                    raise _GiveUp
                return out

            return leaf
        if isinstance(inner, GraphQLList):
            item = self._completer(inner.of_type, field_details_list)
            if item is None:
                return None

            def many(value: Any) -> Any:
                if value is None:
                    if non_null:
                        raise _GiveUp
                    return None
                if type(value) is not list:
                    raise _GiveUp
                return [item(v) for v in value]

            return many
        if isinstance(inner, GraphQLObjectType):
            accepted = accepts(inner)
            if accepted is None:
                return None
            grouped, defers, *_ = self.collect_subfields(inner, field_details_list)
            if defers:
                return None
            sub = self._made(self._record(inner, grouped), inner).plan
            if sub is None:
                return None

            def obj(value: Any) -> Any:
                if value is None:
                    if non_null:
                        raise _GiveUp
                    return None
                if not accepted(value):
                    raise _GiveUp
                return sub(value)

            return obj
        return None
