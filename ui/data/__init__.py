"""Labor-market data in the app: SOC suggestions, the crosswalk, data prompts, imports, the Data menu."""
