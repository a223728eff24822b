"""API keys: credentials, authentication, scopes, per-key rate limits and the key administration API."""
