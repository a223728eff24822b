"""Launch links: `/l/<secret>` URLs that mint a fresh token when used; their pages and their administration API."""
