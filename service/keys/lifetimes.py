"""The two numbers key rotation is timed by: how long a token may live, and how far verifiers' clocks may drift.

A new key is published before it signs, and an old one stays published after it stops, for at least a token's
lifetime plus the leeway (service/keys/rotation.py); tokens are minted and verified within the same bounds.
"""

from __future__ import annotations

# The relying party refuses tokens that live longer than five minutes.
MAX_TOKEN_TTL_SECONDS = 300
# Clocks of partner and relying party differ a little; more than this is an error, not drift.
LEEWAY_SECONDS = 30
