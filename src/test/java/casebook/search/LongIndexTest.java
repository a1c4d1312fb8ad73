package casebook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIndexTest {

    @Test
    void numbersKeysInTheOrderFirstSeenThroughGrowthAndClearing() {
        LongIndex index = new LongIndex(4);
        Random r = new Random(3);
        for (int round = 0; round < 3; round++) {
            Map<Long, Integer> expected = new HashMap<>();
            for (int i = 0; i < 5_000; i++) {
                long key = 1 + r.nextInt(2_000) * 0x1_0000_0001L; // many keys sharing low bits
                Integer n = expected.computeIfAbsent(key, k -> expected.size());
                assertEquals(n, index.number(key));
            }
            assertEquals(expected.size(), index.size());
            expected.forEach((key, n) -> assertEquals(key, index.key(n)));
            index.clear();
            assertEquals(0, index.size());
        }
    }
}
