"""The ASGI app and the `jcm` command line."""
