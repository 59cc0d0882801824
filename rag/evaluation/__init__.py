"""`rag eval`: question sets and corpora, ranking and quote metrics, abstention calibration,
measured through the same Session the product answers with."""
