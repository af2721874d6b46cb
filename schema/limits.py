"""Request limits checked before anything runs: operation depth, aliases and tokens. Each
refusal carries extensions.code LIMIT_EXCEEDED and says the limit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
)


@dataclass(frozen=True)
class Limits:
    max_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 3000


def limit_error(message: str, **extensions: Any) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "LIMIT_EXCEEDED", **extensions})


def depth_and_alias_rule(limits: Limits) -> type[ValidationRule]:
    class DepthAndAliases(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            context: ValidationContext = self.context
            fragments = {
                f.name.value: f
                for f in context.document.definitions
                if isinstance(f, FragmentDefinitionNode)
            }
            aliases = [0]
            depth = _depth(node.selection_set, fragments, aliases, 0, set())
            if depth > limits.max_depth:
                context.report_error(
                    limit_error(
                        f"the operation is {depth} levels deep; at most {limits.max_depth} "
                        "are allowed",
                        limit="depth",
                        max=limits.max_depth,
                    )
                )
            if aliases[0] > limits.max_aliases:
                context.report_error(
                    limit_error(
                        f"the operation uses {aliases[0]} aliases; at most {limits.max_aliases} "
                        "are allowed",
                        limit="aliases",
                        max=limits.max_aliases,
                    )
                )

    return DepthAndAliases


def _depth(
    selection_set: SelectionSetNode | None,
    fragments: dict[str, Any],
    aliases: list[int],
    level: int,
    seen: set[str],
) -> int:
    if selection_set is None:
        return level
    deepest = level
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            if selection.alias is not None:
                aliases[0] += 1
            if selection.name.value.startswith("__"):
                # The IDE's schema query nests `ofType` deeper than any data query; its size
                # is bounded by the schema, and its cost by the cost limit.
                continue
            deepest = max(
                deepest, _depth(selection.selection_set, fragments, aliases, level + 1, seen)
            )
        elif isinstance(selection, InlineFragmentNode):
            deepest = max(deepest, _depth(selection.selection_set, fragments, aliases, level, seen))
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name in seen or name not in fragments:
                continue  # cycles and unknown fragments are reported by the standard rules
            deepest = max(
                deepest,
                _depth(fragments[name].selection_set, fragments, aliases, level, seen | {name}),
            )
    return deepest
