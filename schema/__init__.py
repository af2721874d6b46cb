"""The GraphQL schema: Strawberry types, inputs, resolvers. Resolvers call named queries."""
