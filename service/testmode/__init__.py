"""Test mode: test API keys mint only for test profiles, and their mails wait in a test inbox instead of going out."""
