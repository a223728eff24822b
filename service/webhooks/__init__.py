"""Signed webhooks (Standard Webhooks): endpoints per tenant, the transactional outbox, the dispatcher, the sweeper."""
