package dev.oab.evidence;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Recognises an ONNX model by walking the top level of its protobuf {@code ModelProto}: every
 * field must be well formed and the fields must tile the file exactly; {@code ir_version}
 * (field 1), {@code graph} (field 7) and {@code opset_import} (field 8) must be present. The graph
 * itself, which holds the weights, is skipped, so the walk costs a few reads at any file size.
 * No protobuf library is needed for this much.
 */
final class OnnxChecker {

    private static final int WIRE_VARINT = 0;
    private static final int WIRE_I64 = 1;
    private static final int WIRE_LEN = 2;
    private static final int WIRE_I32 = 5;
    /** Highest ONNX IR version this checker believes exists; far above today's (11) to age well. */
    static final long MAX_IR_VERSION = 100;
    private static final int MAX_REPORTED_STRING = 1024;
    private static final int MAX_OPSET_BYTES = 4096;

    private OnnxChecker() {
    }

    /**
     * @param claimed true when the file's name says ONNX: failures are then errors; otherwise a
     *                failure means "not ONNX" and the method returns null
     */
    static WeightsReport check(SeekableByteChannel channel, String path, boolean claimed) throws IOException {
        WeightsReport.Builder report = WeightsReport.builder(path, WeightFormat.ONNX);
        ChannelReader in = new ChannelReader(channel);
        long irVersion = -1;
        boolean graph = false;
        int opsets = 0;
        String problem = null;
        try {
            while (in.remaining() > 0) {
                long tag = varint(in);
                int field = (int) (tag >>> 3);
                int wire = (int) (tag & 7);
                if (tag >>> 3 == 0 || tag >>> 3 > 536_870_911L) {
                    problem = "invalid protobuf field number at offset " + in.position();
                    break;
                }
                if (wire == WIRE_VARINT) {
                    long value = varint(in);
                    if (field == 1) {
                        irVersion = value;
                    } else if (field == 5) {
                        report.metadata("onnx.model_version", Long.toString(value));
                    }
                } else if (wire == WIRE_LEN) {
                    long length = varint(in);
                    if (length < 0 || length > in.remaining()) {
                        problem = "field " + field + " declares " + Long.toUnsignedString(length)
                                + " bytes but " + in.remaining() + " remain";
                        break;
                    }
                    if (field == 7) {
                        graph = true;
                        in.skip(length);
                    } else if (field == 8 && length <= MAX_OPSET_BYTES) {
                        opsets++;
                        readOpset(in, length, report);
                    } else if ((field == 2 || field == 3 || field == 4) && length <= MAX_REPORTED_STRING) {
                        String name = field == 2 ? "producer_name" : field == 3 ? "producer_version" : "domain";
                        report.metadata("onnx." + name, new String(in.bytes((int) length), StandardCharsets.UTF_8));
                    } else {
                        if (field == 8) {
                            opsets++;
                        }
                        in.skip(length);
                    }
                } else if (wire == WIRE_I64) {
                    in.skip(8);
                } else if (wire == WIRE_I32) {
                    in.skip(4);
                } else {
                    problem = "wire type " + wire + " (groups or invalid) at offset " + in.position();
                    break;
                }
            }
        } catch (EOFException e) {
            problem = "the protobuf structure runs past the end of the file: " + e.getMessage();
        } catch (MalformedVarint e) {
            problem = e.getMessage();
        }
        if (problem == null && (irVersion < 1 || irVersion > MAX_IR_VERSION)) {
            problem = irVersion < 0 ? "ir_version (field 1) is missing" : "ir_version " + irVersion + " is not plausible";
        }
        if (problem == null && !graph) {
            problem = "the graph (field 7) is missing";
        }
        if (problem == null && opsets == 0) {
            problem = "no opset_import (field 8) is present";
        }
        if (problem != null) {
            if (!claimed) {
                return null;
            }
            return report.error("onnx.invalid", "not a well-formed ONNX ModelProto: " + problem
                    + "; export the model again with the onnx library").build();
        }
        report.metadata("onnx.ir_version", Long.toString(irVersion));
        return report.build();
    }

    private static void readOpset(ChannelReader in, long length, WeightsReport.Builder report)
            throws IOException, MalformedVarint {
        long end = in.position() + length;
        String domain = "";
        long version = -1;
        while (in.position() < end) {
            long tag = varint(in);
            int wire = (int) (tag & 7);
            if (tag >>> 3 == 1 && wire == WIRE_LEN) {
                long n = varint(in);
                if (n < 0 || n > end - in.position()) {
                    throw new MalformedVarint("an opset_import domain runs past its message");
                }
                domain = new String(in.bytes((int) n), StandardCharsets.UTF_8);
            } else if (tag >>> 3 == 2 && wire == WIRE_VARINT) {
                version = varint(in);
            } else if (wire == WIRE_VARINT) {
                varint(in);
            } else if (wire == WIRE_LEN) {
                long n = varint(in);
                if (n < 0 || n > end - in.position()) {
                    throw new MalformedVarint("an opset_import field runs past its message");
                }
                in.skip(n);
            } else if (wire == WIRE_I64) {
                in.skip(8);
            } else if (wire == WIRE_I32) {
                in.skip(4);
            } else {
                throw new MalformedVarint("invalid wire type " + wire + " inside opset_import");
            }
        }
        if (in.position() != end) {
            throw new MalformedVarint("an opset_import message overruns its declared length");
        }
        report.metadata("onnx.opset." + (domain.isEmpty() ? "ai.onnx" : domain), Long.toString(version));
    }

    private static long varint(ChannelReader in) throws IOException, MalformedVarint {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.u8();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new MalformedVarint("a varint at offset " + in.position() + " is longer than 10 bytes");
    }

    private static final class MalformedVarint extends Exception {
        MalformedVarint(String message) {
            super(message);
        }
    }
}
