package kr.chamyeo.budget.pabulib;

/** A {@code .pb} file that cannot be read, with the 1-based line where reading stopped. */
public class PabulibFormatException extends RuntimeException {

    private final int line;

    public PabulibFormatException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
    }

    public int line() {
        return line;
    }

    public String reason() {
        String message = getMessage();
        return message.substring(message.indexOf(": ") + 2);
    }
}
