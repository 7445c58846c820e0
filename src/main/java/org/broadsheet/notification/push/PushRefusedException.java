package org.broadsheet.notification.push;

/** A subscription refused: not a push service the site sends to, malformed keys, too many devices. */
public class PushRefusedException extends RuntimeException {

    private final String code;

    public PushRefusedException(String code) {
        super(code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
