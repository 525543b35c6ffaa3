package io.livepush.cohost.server.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {
    @Test
    void sideBySideGivesEachParticipantAnEqualColumn() {
        List<Region> r = Layout.sideBySide().arrange(List.of("host", "guest"), 1280, 720);
        assertEquals(List.of(new Region("host", 0, 0, 640, 720, 0), new Region("guest", 640, 0, 640, 720, 0)), r);
    }

    @Test
    void pictureInPictureDrawsGuestsSmallOnTopOfTheFullHost() {
        List<Region> r = Layout.pictureInPicture().arrange(List.of("host", "g1"), 1280, 720);
        assertEquals(new Region("host", 0, 0, 1280, 720, 0), r.get(0));
        Region g = r.get(1);
        assertEquals(320, g.width());
        assertEquals(180, g.height());
        assertTrue(g.zOrder() > 0 && g.x() + g.width() <= 1280 && g.y() + g.height() <= 720);
    }

    @Test
    void gridOfFivePutsThreeOnTheFirstRowAndTwoOnTheSecond() {
        List<Region> r = Layout.grid().arrange(List.of("a", "b", "c", "d", "e"), 1280, 720);
        assertEquals(5, r.size());
        assertEquals(0, r.get(2).y());
        assertEquals(360, r.get(3).y());
        for (Region region : r) {
            assertTrue(region.x() % 2 == 0 && region.width() % 2 == 0 && region.x() + region.width() <= 1280);
        }
    }

    @Test
    void explicitLayoutShowsOnlyParticipantsPresentInZOrder() {
        Layout l = Layout.explicit(List.of(new Region("top", 100, 100, 200, 200, 5),
                new Region("host", 0, 0, 1280, 720, 0), new Region("absent", 0, 0, 2, 2, 1)));
        assertEquals(List.of("host", "top"), l.arrange(List.of("host", "top"), 1280, 720).stream()
                .map(Region::userId).toList());
    }

    @Test
    void explicitLayoutRefusesTwoRegionsForOneUser() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Layout.explicit(
                List.of(new Region("a", 0, 0, 2, 2, 0), new Region("a", 2, 2, 2, 2, 0))));
        assertTrue(e.getMessage().contains("twice"));
    }

    @Test
    void regionsRefuseOddCoordinatesAndSizesNamingTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Region("u", 3, 0, 4, 4, 0));
        assertTrue(e.getMessage().contains("(3, 0)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Region("u", 0, 0, 5, 4, 0));
        assertTrue(e.getMessage().contains("5x4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Region("u", 1000, 0, 400, 4, 0).requireInside(1280, 720));
        assertTrue(e.getMessage().contains("1280x720"), e.getMessage());
    }
}
