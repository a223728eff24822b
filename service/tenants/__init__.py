"""Tenants: the partner accounts that own API keys, profiles, links and webhook endpoints."""
