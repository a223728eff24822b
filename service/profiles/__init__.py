"""Profiles: what a link target is (payload kind, delivery mode), its payload checks, and how one is set up."""
