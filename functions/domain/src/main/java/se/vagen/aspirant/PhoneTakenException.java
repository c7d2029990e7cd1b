package se.vagen.aspirant;

/** Another active (not erased) aspirant already has this phone number. {@code holderId} may be null. */
public class PhoneTakenException extends RuntimeException {

    private final String holderId;

    public PhoneTakenException(String holderId) {
        super("Phone number already belongs to aspirant " + holderId);
        this.holderId = holderId;
    }

    public String holderId() {
        return holderId;
    }
}
