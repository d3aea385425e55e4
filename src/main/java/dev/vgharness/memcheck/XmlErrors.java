package dev.vgharness.memcheck;

import java.util.ArrayList;
import java.util.List;

/** Turns {@code <error>} elements of valgrind XML into {@link MemcheckError} and {@link LossRecord} values. */
final class XmlErrors {

    private XmlErrors() {
    }

    static MemcheckError error(XmlNode node) {
        String what = node.childText("what");
        if (what == null && node.child("xwhat") != null) {
            what = node.child("xwhat").childText("text");
        }
        List<StackFrame> stack = List.of();
        List<String> auxTexts = new ArrayList<>();
        List<List<StackFrame>> auxStacks = new ArrayList<>();
        for (XmlNode child : node.children()) {
            switch (child.name()) {
                case "stack" -> {
                    if (auxTexts.isEmpty()) {
                        stack = stack(child);
                    } else {
                        auxStacks.set(auxStacks.size() - 1, stack(child));
                    }
                }
                case "auxwhat" -> addAux(auxTexts, auxStacks, child.text());
                case "xauxwhat" -> addAux(auxTexts, auxStacks, child.childText("text"));
                case "origin" -> {
                    addAux(auxTexts, auxStacks, child.childText("what"));
                    XmlNode originStack = child.child("stack");
                    auxStacks.set(auxStacks.size() - 1, originStack == null ? List.of() : stack(originStack));
                }
                default -> {
                    // unique, tid, kind, what, suppression are read below
                }
            }
        }
        List<ErrorNote> notes = new ArrayList<>();
        for (int i = 1; i < auxTexts.size(); i++) {
            notes.add(new ErrorNote(auxTexts.get(i), auxStacks.get(i)));
        }
        return new MemcheckError(node.childText("kind"), what == null ? "" : what, 1, stack,
                auxTexts.isEmpty() ? null : auxTexts.get(0), auxStacks.isEmpty() ? List.of() : auxStacks.get(0),
                notes, suppression(node), unique(node), thread(node));
    }

    static LossRecord lossRecord(XmlNode node, LeakKind kind) {
        XmlNode xwhat = node.child("xwhat");
        String text = xwhat == null ? node.childText("what") : xwhat.childText("text");
        XmlNode stackNode = node.child("stack");
        List<StackFrame> stack = stackNode == null ? List.of() : stack(stackNode);
        LossRecord header = text == null ? null : LeakLines.header(text);
        if (header != null) {
            return header.withStack(stack);
        }
        if (xwhat == null) {
            throw new XmlNode.Unreadable(node.line(), node.column(), "<error> of kind " + kind.xmlKind()
                    + " has no loss record text and no <xwhat>");
        }
        long bytes = xwhat.childNumber("leakedbytes");
        long blocks = xwhat.childNumber("leakedblocks");
        return new LossRecord(0, 0, kind, bytes, bytes, 0, blocks, null, null, null, null, false, stack);
    }

    static List<StackFrame> stack(XmlNode stack) {
        List<StackFrame> frames = new ArrayList<>(stack.children().size());
        for (XmlNode frame : stack.children()) {
            String file = frame.childText("file");
            // like the text form, which names the object only when there is no source location
            frames.add(new StackFrame(frame.childNumber("ip"), frame.childText("fn"), file,
                    frame.optionalChildSmallNumber("line"), file == null ? frame.childText("obj") : null));
        }
        return frames;
    }

    private static void addAux(List<String> texts, List<List<StackFrame>> stacks, String text) {
        texts.add(text == null ? "" : text);
        stacks.add(List.of());
    }

    private static String suppression(XmlNode node) {
        XmlNode suppression = node.child("suppression");
        if (suppression == null) {
            return null;
        }
        String raw = suppression.childText("rawtext");
        return raw == null ? null : raw + "\n";
    }

    private static Long unique(XmlNode node) {
        return node.optionalChildNumber("unique");
    }

    private static Integer thread(XmlNode node) {
        return node.optionalChildSmallNumber("tid");
    }
}
