package dev.vgharness.fuzz;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A deterministic mutation generator over recorded fixtures: input {@code i} of campaign seed {@code s} is always the
 * same text, so a finding reproduces from {@code new FuzzInputs(seeds, dictionary, s).input(i)} alone. Texts are
 * bytes as chars (ISO-8859-1), as the parsers read them.
 * <pre>
 * seed:    ^done,bkpt={number="1",type="breakpoint"}
 * mutated: ^done,bkpt={number="18446744073709551616",type="bre\377akpoint"}}}}
 * </pre>
 */
public final class FuzzInputs {

    /** Inputs stay below this size (except the rare "long line" mutation) so a campaign of 10^6 runs in minutes. */
    private static final int SOFT_LIMIT = 64 * 1024;
    private static final String[] NUMBERS = {"0", "-1", "-5", "+7", "1,234,567", "99,999,999,999,999,999,999",
        "2147483648", "9223372036854775807", "9223372036854775808", "18446744073709551616",
        "99999999999999999999999999", "0x", "0xffffffffffffffffff", "1e9", "007", "(+", "(-", ")", ","};

    private final List<String> seeds;
    private final List<String> dictionary;
    private final long campaignSeed;
    private final boolean multiLine;

    /**
     * @param seeds recorded texts to mutate
     * @param dictionary fragments worth inserting (metacharacters, keywords of the format)
     * @param campaignSeed the seed printed with every finding
     * @param multiLine true for whole texts (line-level mutations, windows of a seed's lines), false for single lines
     */
    public FuzzInputs(List<String> seeds, List<String> dictionary, long campaignSeed, boolean multiLine) {
        this.seeds = List.copyOf(requireNonNull(seeds, "seeds is null"));
        this.dictionary = List.copyOf(requireNonNull(dictionary, "dictionary is null"));
        if (this.seeds.isEmpty() || this.dictionary.isEmpty()) {
            throw new IllegalArgumentException("no seeds or no dictionary");
        }
        this.campaignSeed = campaignSeed;
        this.multiLine = multiLine;
    }

    public long campaignSeed() {
        return campaignSeed;
    }

    /** Input number {@code index} of this campaign. */
    public String input(long index) {
        Random random = new Random(new SplittableRandom(campaignSeed ^ (index * 0x9E3779B97F4A7C15L)).nextLong());
        StringBuilder text = new StringBuilder(pickSeed(random));
        int mutations = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 3 : 8);
        for (int m = 0; m < mutations; m++) {
            mutate(text, random);
            if (text.length() > SOFT_LIMIT && random.nextInt(50) != 0) {
                text.setLength(SOFT_LIMIT);
            }
        }
        return text.toString();
    }

    private String pickSeed(Random random) {
        String seed = seeds.get(random.nextInt(seeds.size()));
        if (!multiLine || seed.isEmpty() || (seed.length() < 16 * 1024 && random.nextInt(4) == 0)) {
            return seed;
        }
        return lineWindow(seed, random, 1 + random.nextInt(random.nextBoolean() ? 12 : 120));
    }

    /** A run of whole lines from a random line start: mutating a whole 300 KB answer would waste the campaign. */
    private static String lineWindow(String text, Random random, int lines) {
        int start = text.lastIndexOf('\n', random.nextInt(text.length()));
        start = start < 0 ? 0 : start + 1;
        int end = start;
        for (int i = 0; i < lines && end < text.length(); i++) {
            int newline = text.indexOf('\n', end);
            end = newline < 0 ? text.length() : newline + 1;
        }
        return text.substring(start, end);
    }

    private void mutate(StringBuilder text, Random random) {
        switch (random.nextInt(multiLine ? 16 : 13)) {
            case 0 -> flipByte(text, random);
            case 1 -> text.insert(at(text, random), randomBytes(random, 1 + random.nextInt(8)));
            case 2 -> deleteRange(text, random);
            case 3 -> duplicateRange(text, random);
            case 4 -> splice(text, random);
            case 5, 6 -> text.insert(at(text, random), dictionary.get(random.nextInt(dictionary.size())));
            case 7 -> text.setLength(random.nextInt(text.length() + 1));
            case 8 -> repeatFragment(text, random);
            case 9, 10 -> replaceNumber(text, random);
            case 11 -> text.insert(at(text, random), escapes(random));
            case 12 -> longLine(text, random);
            case 13 -> replaceAll(text, "==[0-9]+== ?", random.nextBoolean() ? "" : "==1== ");
            case 14 -> swapLines(text, random);
            default -> text.replace(0, text.length(), text.toString().replace("\n", random.nextBoolean() ? "\r\n" : "\r"));
        }
    }

    private static int at(StringBuilder text, Random random) {
        return random.nextInt(text.length() + 1);
    }

    private static void flipByte(StringBuilder text, Random random) {
        if (text.length() > 0) {
            int i = random.nextInt(text.length());
            char c = random.nextBoolean() ? (char) (text.charAt(i) ^ (1 << random.nextInt(8))) : (char) random.nextInt(256);
            text.setCharAt(i, c);
        }
    }

    private static String randomBytes(Random random, int n) {
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = (char) (random.nextInt(3) == 0 ? random.nextInt(256) : 32 + random.nextInt(95));
        }
        return new String(chars);
    }

    private static void deleteRange(StringBuilder text, Random random) {
        int from = random.nextInt(text.length() + 1);
        text.delete(from, Math.min(text.length(), from + 1 + random.nextInt(random.nextBoolean() ? 4 : 64)));
    }

    private static void duplicateRange(StringBuilder text, Random random) {
        int from = random.nextInt(text.length() + 1);
        int to = Math.min(text.length(), from + random.nextInt(128));
        text.insert(at(text, random), text.substring(from, to));
    }

    private void splice(StringBuilder text, Random random) {
        String other = pickSeed(random);
        int cut = random.nextInt(text.length() + 1);
        text.setLength(cut);
        text.append(other, random.nextInt(other.length() + 1), other.length());
    }

    /** A fragment repeated up to thousands of times: what makes a super-linear parser stand out. */
    private static void repeatFragment(StringBuilder text, Random random) {
        int from = random.nextInt(text.length() + 1);
        String fragment = text.substring(from, Math.min(text.length(), from + 1 + random.nextInt(16)));
        int times = 2 + random.nextInt(random.nextInt(8) == 0 ? 4000 : 40);
        text.insert(from, fragment.repeat(Math.min(times, SOFT_LIMIT / Math.max(1, fragment.length()))));
    }

    private static void replaceNumber(StringBuilder text, Random random) {
        int start = -1;
        for (int tries = 0; tries < 8 && start < 0; tries++) {
            int i = random.nextInt(text.length() + 1);
            while (i < text.length() && !Character.isDigit(text.charAt(i))) {
                i++;
            }
            start = i < text.length() ? i : -1;
        }
        if (start >= 0) {
            int end = start;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == ',')) {
                end++;
            }
            text.replace(start, end, NUMBERS[random.nextInt(NUMBERS.length)]);
        }
    }

    private static String escapes(Random random) {
        String[] choices = {"\\", "\\\\", "\\\"", "\\e", "\\0", "\\377", "\\400", "\\9", "\\x41", "\\u00e9", "\\n",
            "\\t", "\\r", "\\", "\u00ff", "\u0080", "\u00e9", "\u0000", "\u001b[0m", "\t", "\r"};
        StringBuilder out = new StringBuilder();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.append(choices[random.nextInt(choices.length)]);
        }
        return out.toString();
    }

    /** Rarely, a line of 100k to 1M chars. */
    private static void longLine(StringBuilder text, Random random) {
        if (random.nextInt(200) == 0) {
            char c = " x\\\"[{,=0".charAt(random.nextInt(9));
            text.insert(at(text, random), String.valueOf(c).repeat(100_000 + random.nextInt(900_000)));
        }
    }

    private static void replaceAll(StringBuilder text, String regex, String replacement) {
        String replaced = text.toString().replaceAll(regex, replacement);
        text.replace(0, text.length(), replaced);
    }

    private static void swapLines(StringBuilder text, Random random) {
        String[] lines = text.toString().split("\n", -1);
        if (lines.length > 1) {
            int a = random.nextInt(lines.length);
            int b = random.nextInt(lines.length);
            String held = lines[a];
            lines[a] = lines[b];
            lines[b] = random.nextInt(3) == 0 ? "" : held;
            text.replace(0, text.length(), String.join("\n", lines));
        }
    }
}
