package se.vagen.forum;

/** Why an aspirant has its status: a stable code, a Swedish text for the forum and the contact role it calls for. */
public record Reason(String code, String text, String role) {
}
