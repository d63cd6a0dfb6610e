"""Link: one actor and one real-world event across articles."""
