"""The rotation function's first handler path, kept for functions deployed with `service.rotation_lambda.handler`.

New deployments name `service.keys.rotation_function.handler`; both load neither Flask nor SQLAlchemy.
"""

from service.keys.rotation_function import handler

__all__ = ["handler"]
