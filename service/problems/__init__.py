"""The error explainer: `/problems/<code>`, the page every problem's `type` points at."""
