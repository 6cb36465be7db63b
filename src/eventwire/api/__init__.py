"""API stage: the FastAPI JSON API over a store (``create_app(db_path)``), served by ``serve``."""
