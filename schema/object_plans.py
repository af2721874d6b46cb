"""Whole objects answered at once, by a plan made for their selection.

schema/direct_fields.py answers one field at a time: each field of each object pays again for
the same checks (its directives, its kind, a response path) and for graphql-core's loop over
the object's fields. When every field a selection asks for, to any depth, is one that file
answers directly, those checks come out the same for every object: a plan worked out for the
(type, selection) answers a whole object, nested objects and lists included, with one
generated function per selection (schema/plan_functions.py) that reads the object's
attributes in place and calls the plans of its nested objects.

A plan depends only on the document, the place in it, the object's type and the variables
used below the root fields (in `@include`/`@skip` and in the arguments of nested fields), not
on those a root field takes (`project(ref: $ref)`). So it is kept with those, across requests
(bounded, least recently used out first), and made the second time a selection is met, in the
same request (the items of a list) or a later one (a client repeating its query): for a
selection met once, making the plan costs more than it saves.

A plan either answers the object whole or gives up on the first value it cannot complete
(a null where the schema forbids one, a relation still to be loaded, a value a scalar
refuses, any error). The object is then executed field by field as before, which reports the
error at its own path; plans, like the direct path, have no side effects, so doing an object
twice changes nothing. A plan that gave up is not tried again in the same request, so a
selection that needs loads costs at most one wasted attempt per plan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import (
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLID,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLString,
    Undefined,
)
from strawberry.execution import optimized_is_awaitable

from schema.direct_fields import (
    DirectExecutor,
    absent,
    accepted_class,
    direct_field,
    has_other_directives,
    object_type_of,
)
from schema.document_cache import DocumentCache, document_key, nested_variables_key
from schema.loaders import MISSING
from schema.node import (
    NOT_PRIMED,
    PrimedOnly,
    first_node_of,
    graph_key_attribute,
    nodes_of,
    rows_of,
)
from schema.plan_functions import Complete, Plan, PlanStep, compiled_plan, is_identifier
from schema.prefetch import RELATIONS

Place = tuple[str, ...]  # the response names from the root to an object, list indices left out


# Scalars whose serialize gives a value of this exact type back as it is: a plan returns it
# without the call (a page of 50 projects completes about 450 leaves).
_RETURNED_AS_IS: dict[Callable[[Any], Any], type] = {
    GraphQLString.serialize: str,
    GraphQLID.serialize: str,
    GraphQLBoolean.serialize: bool,
}


def _as_is(gql_type: GraphQLOutputType) -> type | None:
    """The type whose values a field of `gql_type` answers as they are, if any."""
    inner = gql_type.of_type if isinstance(gql_type, GraphQLNonNull) else gql_type
    serialize = getattr(inner, "serialize", None)  # scalars and enums only
    return _RETURNED_AS_IS.get(serialize) if serialize is not None else None


class _GiveUp(Exception):
    """This object is not the plan's to answer; field-by-field execution will."""


class SharedPlan:
    """A selection's plan as requests share it: how many requests have met the selection,
    and the plan once made (None when the selection has none)."""

    __slots__ = ("made", "plan", "seen")

    def __init__(self) -> None:
        self.seen = 0
        self.made = False
        self.plan: Plan | None = None


class Planned:
    """One (type, selection) of this request: how often its objects were executed, and the
    plan they use (None when there is none yet, none at all, or it gave up)."""

    __slots__ = ("place", "plan", "selection", "settled", "shared", "uses")

    def __init__(self, selection: Any, place: Place, shared: SharedPlan) -> None:
        self.selection = selection  # kept alive: records are found by its id
        self.place = place
        self.shared = shared
        self.uses = 0
        self.settled = False  # the plan is made (or known to be none) for this request
        self.plan: Plan | None = None


# Per document, place, type and the variables below the root fields.
_SHARED: DocumentCache[SharedPlan] = DocumentCache(4096)


def plan_key(
    document: tuple[Any, ...], nested: bytes, place: Place, object_type: GraphQLObjectType
) -> tuple[Any, ...]:
    """The key requests share a plan by: the document (schema/document_cache.py's
    document_key), the variables below its root fields, the place and the type."""
    return (*document, nested, place, object_type.name)


def made_plan(
    document: tuple[Any, ...], nested: bytes, place: Place, object_type: GraphQLObjectType
) -> Plan | None:
    """The plan requests have already made for this selection; None when there is none
    (yet): this makes none."""
    shared = _SHARED.peek(plan_key(document, nested, place, object_type))
    return shared.plan if shared is not None else None


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
            planned = self._record(parent_type, grouped_field_set, path)
            if not planned.settled:
                planned.uses += 1
                if planned.uses > 1 or planned.shared.seen > 1:
                    self._settle(planned, parent_type)
            plan = planned.plan
            if plan is not None:
                try:
                    return plan(source, self.context_value)
                except Exception:
                    self.give_up(planned)
        return super().execute_fields(
            parent_type, source, path, grouped_field_set, position_context
        )

    def give_up(self, planned: Planned) -> None:
        planned.plan = None  # the rest of the request goes field by field

    def _record(self, parent_type: GraphQLObjectType, grouped: Any, at: Any) -> Planned:
        """This request's record of the selection; `at` is the object's response path, or
        the place of a selection found while making a plan."""
        records: dict[tuple[GraphQLObjectType, int], Planned] | None = getattr(
            self, "_object_plans", None
        )
        if records is None:
            records = self._object_plans = {}
        key = (parent_type, id(grouped))
        planned = records.get(key)
        if planned is None:
            place = at if type(at) is tuple else _place(at)
            shared = _SHARED.get_or_make(self._shared_key(parent_type, place), SharedPlan)
            shared.seen += 1
            planned = records[key] = Planned(grouped, place, shared)
        return planned

    def _settle(self, planned: Planned, parent_type: GraphQLObjectType) -> Planned:
        if planned.settled:  # a plan that gave up stays given up
            return planned
        shared = planned.shared
        if not shared.made:
            shared.made = True
            shared.plan = self._plan(parent_type, planned.selection, planned.place)
        planned.settled = True
        planned.plan = shared.plan
        return planned

    def _shared_key(self, parent_type: GraphQLObjectType, place: Place) -> tuple | None:
        """What a plan for `parent_type` at `place` depends on; None when it cannot be kept
        (a document not parsed from a text, variables that cannot be encoded)."""
        document = document_key(self)  # the executor has the schema and operation it reads
        if document is None:
            return None
        try:
            nested = self._nested_variables
        except AttributeError:
            fragments = [f.definition for f in self.fragments.values()]
            nested = self._nested_variables = nested_variables_key(
                document, self.operation, fragments, self.variable_values.coerced
            )
        if nested is None:
            return None
        return plan_key(document, nested, place, parent_type)

    def _plan(self, parent_type: GraphQLObjectType, grouped: Any, place: Place) -> Plan | None:
        """The plan for objects of `parent_type` with this selection; None when a field in
        it, at any depth, is not one the direct path answers."""
        middleware = self.middleware_manager
        if middleware is not None and middleware.middlewares:
            return None
        steps: list[tuple[str, PlanStep]] = []
        for response_name, field_details_list in grouped.items():
            step = self._step(parent_type, field_details_list, (*place, response_name))
            if step is None:
                return None
            steps.append((response_name, step))
        return compiled_plan(steps)

    def _step(
        self, parent_type: GraphQLObjectType, field_details_list: Any, place: Place
    ) -> PlanStep | None:
        """How to answer one field of the selection from its object."""
        node = field_details_list[0].node
        if has_other_directives(node):
            return None
        name = node.name.value
        if name == "__typename":
            type_name = parent_type.name
            return PlanStep(lambda _source, _context: type_name)
        direct = direct_field(parent_type, name)
        if direct is None or (node.arguments and not direct.paged) or direct.is_async:
            return None
        try:
            arguments = self.arguments_of(direct, field_details_list)
        except Exception:
            return None
        gql_type = direct.definition.type
        complete = self._completer(gql_type, field_details_list, place)
        if complete is None:
            return None
        read = direct.read
        attribute = direct.attribute
        if not direct.resolves:
            if attribute is not None and is_identifier(attribute):
                return PlanStep(complete, attribute, _as_is(gql_type))
            return PlanStep(lambda source, context: complete(read(source, context), context))

        relation = direct.relation
        if getattr(relation, "node_relation", False):
            step = _node_relation_step(parent_type, name, gql_type, complete, relation)
            if step is not None:
                return step

        def resolved(source: Any, context: Any) -> Any:
            if relation is None:
                value = read(source, context)
            else:  # what `read` would do, a call less: a page of 50 has 150 relations
                value = relation(source, info=PrimedOnly(context), **arguments)
            if value is NOT_PRIMED:
                raise _GiveUp
            # The check execution uses (request_pipeline.py); a list (most relations) is not.
            if type(value) is not list and optimized_is_awaitable(value):
                if hasattr(value, "close"):
                    value.close()
                raise _GiveUp
            return complete(value, context)

        return PlanStep(resolved)

    def _completer(
        self, gql_type: GraphQLOutputType, field_details_list: Any, place: Place
    ) -> Complete | None:
        """How to complete a value of `gql_type` selected by `field_details_list` at
        `place`; None for what the plan leaves to field-by-field execution (interfaces,
        unions, deferred fragments)."""
        non_null = isinstance(gql_type, GraphQLNonNull)
        inner = gql_type.of_type if non_null else gql_type
        if isinstance(inner, GraphQLScalarType | GraphQLEnumType):
            serialize = inner.serialize
            as_is = _as_is(gql_type)

            def leaf(value: Any, _context: Any) -> Any:
                if type(value) is as_is:
                    return value
                if value is None:
                    return absent(non_null)
                out = serialize(value)
                if out is None or out is Undefined:
                    raise _GiveUp
                return out

            return leaf
        if isinstance(inner, GraphQLList):
            item = self._completer(inner.of_type, field_details_list, place)
            if item is None:
                return None

            def many(value: Any, context: Any) -> Any:
                if value is None:
                    return absent(non_null)
                if type(value) is not list:
                    raise _GiveUp
                return [item(v, context) for v in value]

            return many
        if isinstance(inner, GraphQLObjectType):
            cls = accepted_class(inner)
            if cls is None:
                return None
            grouped, defers, *_ = self.collect_subfields(inner, field_details_list)
            if defers:
                return None
            sub = self._settle(self._record(inner, grouped, place), inner).plan
            if sub is None:
                return None

            def obj(value: Any, context: Any) -> Any:
                if value is None:
                    return absent(non_null)
                if type(value) is not cls and cls is not object:  # `accepts`, in place
                    raise _GiveUp
                return sub(value, context)

            return obj
        return None


def _node_relation_step(
    parent_type: GraphQLObjectType,
    name: str,
    gql_type: GraphQLOutputType,
    complete: Complete,
    relation: Any,
) -> PlanStep | None:
    """A relation whose resolver is marked `node_relation` or `row_relation` (schema/node.py),
    answered as that resolver answers it, from the loader a compiled read primed, without the
    call: the plan reads the object's graph key in place and hands it to this step."""
    query = RELATIONS.get(parent_type.name, {}).get(name)
    key = graph_key_attribute(parent_type.name)
    inner, many = object_type_of(gql_type)
    if query is None or key is None or inner is None:
        return None
    build_row = getattr(relation, "row_builder", None)
    if build_row is not None:
        if not many:
            return None
        build = rows_of(build_row)
    else:
        cls = accepted_class(inner)
        if cls is None or cls is object:
            return None
        build = nodes_of(cls) if many else first_node_of(cls)

    def answer(graph_key: Any, context: Any) -> Any:
        held = context.loaders.held_related(query, graph_key)
        if held is MISSING:
            raise _GiveUp
        return complete(build(held), context)

    return PlanStep(answer, key)


def _place(path: Any) -> Place:
    keys: list[str] = []
    while path is not None:
        if type(path.key) is str:
            keys.append(path.key)
        path = path.prev
    return tuple(reversed(keys))
