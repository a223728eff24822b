"""The web layer every feature shares: problem+json errors, the JSON body reader, response helpers, the contract."""
