"""Development only, never imported by the production app: `make run`, the dev seed, the mail sink, the sandbox RP."""
