"""Keys: key material, the key source kept fresh from Secrets Manager, the JWKS, rotation and the rotation function."""
