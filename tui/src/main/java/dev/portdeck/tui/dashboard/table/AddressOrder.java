package dev.portdeck.tui.dashboard.table;

import java.util.Comparator;

/** IP literals in numeric order (127.0.0.2 before 127.0.0.10); IPv4 before IPv6, IPv6 and names naturally. */
final class AddressOrder implements Comparator<String> {

    static final AddressOrder INSTANCE = new AddressOrder();

    @Override
    public int compare(String a, String b) {
        long x = ipv4(a);
        long y = ipv4(b);
        if (x >= 0 && y >= 0) {
            return Long.compare(x, y);
        }
        if (x >= 0 || y >= 0) {
            return x >= 0 ? -1 : 1;
        }
        return NaturalOrder.INSTANCE.compare(a, b);
    }

    /** The address as a number, or -1 when it is not a dotted IPv4 literal. */
    private static long ipv4(String s) {
        if (s == null) {
            return -1;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return -1;
            }
            value = value * 256 + octet;
        }
        return value;
    }
}
