package dev.oab.evidence;

/** The weight file formats OAB recognises. */
public enum WeightFormat {
    /** Hugging Face safetensors: a JSON header then raw tensor bytes; loading runs no code. */
    SAFETENSORS(true),
    /** llama.cpp GGUF: typed key/value metadata and tensor descriptions, then tensor data. */
    GGUF(true),
    /** ONNX: a protobuf ModelProto with a graph of standard operators. */
    ONNX(true),
    /** A raw Python pickle stream: loading it can run arbitrary code. */
    PICKLE(false),
    /** PyTorch's ZIP checkpoint ({@code torch.save}, TorchScript): a pickle inside a ZIP. */
    PYTORCH_ZIP(false),
    /** None of the above. */
    UNKNOWN(false);

    private final boolean safeToLoad;

    WeightFormat(boolean safeToLoad) {
        this.safeToLoad = safeToLoad;
    }

    /** True when loading a well-formed file of this format cannot execute code. */
    public boolean safeToLoad() {
        return safeToLoad;
    }
}
