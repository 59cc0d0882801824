"""Text to vectors: the embedders (sentence-transformers, ONNX/OpenVINO encoders, the hash test
embedder), the one-time ONNX export and the fast tokenizer for plain ASCII questions."""
