"""Evaluation: scores against gold (the samples, TimeML, MEANTIME) and the throughput benchmark."""
