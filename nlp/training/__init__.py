"""Training kmob's statistical entity recogniser from the annotated corpus (nlp/training/corpus)."""
