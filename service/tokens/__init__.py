"""Tokens: the generateJWT view, minting, claims and signing, request schema, delivery, verifier, idempotency."""
