package trimtab.api.demo;

import java.util.List;

/** Surnames and first names for made-up households: varied, like a real client list, and obviously invented. */
final class HouseholdNames {
    static final List<String> SURNAMES = List.of(
            "Alvarez", "Chen", "Okafor", "Nguyen", "Patel", "Kowalski", "Johansson", "Haddad", "Moreau", "Tanaka",
            "O'Brien", "Schmidt", "Rossi", "Kim", "Mensah", "Goldberg", "Fernandes", "Ivanova", "Brennan", "Yilmaz",
            "Castillo", "Lindqvist", "Adeyemi", "Park", "Dubois", "Novak", "Shapiro", "Ramirez", "Hughes", "Suzuki",
            "Mahmoud", "Bergstrom", "Costa", "Walsh", "Nakamura", "Delgado", "Eriksen", "Abernathy", "Varga", "Singh",
            "Whitfield", "Mbeki", "Larsen", "Carvalho", "Friedman", "Quinlan", "Osei", "Petrov", "Harrington", "Liu",
            "Morales", "Andersen", "Kaplan", "Reyes", "Thornton", "Yamamoto", "Bianchi", "Sorensen", "Gallagher", "Das");
    static final List<String> FIRST_NAMES = List.of(
            "Maria", "James", "Mei", "David", "Amara", "Robert", "Priya", "Michael", "Elena", "William", "Aisha",
            "Thomas", "Sofia", "Daniel", "Yuki", "Carlos", "Hannah", "Kwame", "Laura", "Raj", "Ingrid", "Samuel",
            "Fatima", "Peter", "Grace", "Luis", "Nadia", "George", "Chloe", "Omar");

    private HouseholdNames() {
    }
}
