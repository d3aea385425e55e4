package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The arguments and locals of one frame at an error stop, from gdb's {@code -stack-list-variables --simple-values}:
 * {@code {"frame": 0, "function": "copy_name", "file": "names.c", "line": 31,
 * "variables": [{"name": "i", "type": "int", "value": "16", "argument": false}]}}. A struct or array has no value
 * (gdb's simple values leave it out), only its type.
 */
public record FrameLocals(int frame, String function, String file, Integer line, List<Variable> variables) {

    public FrameLocals {
        variables = List.copyOf(variables);
    }

    /** One variable; {@code value} is null for an aggregate. */
    public record Variable(String name, String type, String value, boolean argument) {
        public Variable {
            requireNonNull(name, "name is null");
        }
    }

    /** {@code i = 16, cap = 16}: the variables that have a simple value, arguments first, as the text summary shows them. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Variable v : variables) {
            if (v.value() != null) {
                text.append(text.length() == 0 ? "" : ", ").append(v.name()).append(" = ").append(v.value());
            }
        }
        return text.toString();
    }
}
