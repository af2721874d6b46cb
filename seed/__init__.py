"""JCM reference data (seed/data/*.json, a source on every record), its loader and the
synthetic scale-data generator."""
