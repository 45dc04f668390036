namespace Timeline.Benchmarks.Archive;

/// <summary>
/// The fixed lists the synthetic archive draws from: people, places, organisations, speakers and outlets. Each list
/// is ordered by how often the archive uses it: the first entries come up far more often than the last (a Zipf-like
/// weighting), as a few leaders dominate any real diary.
/// </summary>
internal static class ArchiveNames
{
    /// <summary>Named leaders and ministers; the archive adds generated names to reach its population.</summary>
    public static readonly string[] Leaders =
    [
        "Vladimir Putin", "Xi Jinping", "Narendra Modi", "Recep Tayyip Erdogan", "Joe Biden", "Emmanuel Macron",
        "Olaf Scholz", "Luiz Inacio Lula da Silva", "Kassym-Jomart Tokayev", "Shavkat Mirziyoyev", "Alexander Lukashenko",
        "Cyril Ramaphosa", "Fumio Kishida", "Ilham Aliyev", "Nikol Pashinyan", "Sadyr Japarov", "Emomali Rahmon",
        "Serdar Berdimuhamedov", "Mohammed bin Salman", "Mohamed bin Zayed", "Abdel Fattah el-Sisi", "Joko Widodo",
        "Prabowo Subianto", "Anthony Albanese", "Justin Trudeau", "Rishi Sunak", "Keir Starmer", "Giorgia Meloni",
        "Pedro Sanchez", "Yoon Suk Yeol", "Ferdinand Marcos Jr.", "Anwar Ibrahim", "Lee Hsien Loong", "Hun Manet",
        "Srettha Thavisin", "Pham Minh Chinh", "Shehbaz Sharif", "Sheikh Hasina", "Ukhnaagiin Khurelsukh",
        "Abiy Ahmed", "Bola Tinubu", "William Ruto", "Javier Milei", "Gustavo Petro", "Ursula von der Leyen",
        "Charles Michel", "Antonio Guterres", "Jens Stoltenberg", "Sergey Lavrov", "Wang Yi", "Antony Blinken",
        "Andrei Belousov", "Mikhail Mishustin", "Li Qiang", "Kamala Harris", "Subrahmanyam Jaishankar", "Hakan Fidan",
        "Sergey Naryshkin", "Zhang Hanhui", "Alexey Overchuk",
    ];

    /// <summary>First names for generated participants.</summary>
    public static readonly string[] GivenNames =
    [
        "Amir", "Anna", "Arman", "Bakyt", "Carlos", "Chen", "Daniel", "Dilnoza", "Elena", "Farid", "Grace", "Hamid",
        "Hiroshi", "Ines", "Ivan", "Jamal", "Kenji", "Laila", "Lucas", "Marta", "Mehmet", "Mina", "Nadia", "Nikolai",
        "Olga", "Omar", "Pavel", "Priya", "Rafael", "Rustam", "Sara", "Sofia", "Tariq", "Timur", "Vera", "Wei",
        "Yasmin", "Yusuf", "Zhanna", "Zoran",
    ];

    /// <summary>Family names for generated participants.</summary>
    public static readonly string[] FamilyNames =
    [
        "Abdullaev", "Alvarez", "Bekov", "Costa", "Demir", "Dubois", "Eriksen", "Fernandes", "Gupta", "Haddad",
        "Ivanova", "Jensen", "Kato", "Kim", "Kowalski", "Li", "Mahmoud", "Markovic", "Mendes", "Morozov", "Nakamura",
        "Novak", "Okafor", "Petrov", "Qureshi", "Rahimov", "Rossi", "Sato", "Schmidt", "Sokolova", "Tanaka", "Usmonov",
        "Vargas", "Volkov", "Wang", "Yilmaz", "Zhang", "Zhou", "Nurlanov", "Osei",
    ];

    /// <summary>Places: city and country.</summary>
    public static readonly (string City, string Country)[] Places =
    [
        ("Moscow", "Russia"), ("Beijing", "China"), ("New Delhi", "India"), ("Ankara", "Turkey"), ("Astana", "Kazakhstan"),
        ("Samarkand", "Uzbekistan"), ("Minsk", "Belarus"), ("Sochi", "Russia"), ("St. Petersburg", "Russia"),
        ("Vladivostok", "Russia"), ("Shanghai", "China"), ("Tashkent", "Uzbekistan"), ("Bishkek", "Kyrgyzstan"),
        ("Dushanbe", "Tajikistan"), ("Yerevan", "Armenia"), ("Baku", "Azerbaijan"), ("Ashgabat", "Turkmenistan"),
        ("Tehran", "Iran"), ("Riyadh", "Saudi Arabia"), ("Abu Dhabi", "United Arab Emirates"), ("Cairo", "Egypt"),
        ("Jakarta", "Indonesia"), ("Bali", "Indonesia"), ("Bangkok", "Thailand"), ("Phnom Penh", "Cambodia"),
        ("Hanoi", "Vietnam"), ("Kuala Lumpur", "Malaysia"), ("Singapore", "Singapore"), ("Manila", "Philippines"),
        ("Tokyo", "Japan"), ("Seoul", "South Korea"), ("Ulaanbaatar", "Mongolia"), ("Islamabad", "Pakistan"),
        ("Dhaka", "Bangladesh"), ("Addis Ababa", "Ethiopia"), ("Abuja", "Nigeria"), ("Nairobi", "Kenya"),
        ("Johannesburg", "South Africa"), ("Brasilia", "Brazil"), ("Rio de Janeiro", "Brazil"), ("Buenos Aires", "Argentina"),
        ("Bogota", "Colombia"), ("Washington", "United States"), ("New York", "United States"), ("Ottawa", "Canada"),
        ("London", "United Kingdom"), ("Paris", "France"), ("Berlin", "Germany"), ("Rome", "Italy"), ("Madrid", "Spain"),
        ("Brussels", "Belgium"), ("Geneva", "Switzerland"), ("Vienna", "Austria"), ("Helsinki", "Finland"),
        ("Budapest", "Hungary"), ("Belgrade", "Serbia"), ("Istanbul", "Turkey"), ("Doha", "Qatar"), ("Canberra", "Australia"),
        ("Kazan", "Russia"),
    ];

    /// <summary>Organisations that hold summits: the id prefix and the name.</summary>
    public static readonly (string Slug, string Name)[] Organizations =
    [
        ("sco", "Shanghai Cooperation Organisation"), ("brics", "BRICS"), ("g20", "G20"), ("csto", "Collective Security Treaty Organization"),
        ("eaeu", "Eurasian Economic Union"), ("cis", "Commonwealth of Independent States"), ("apec", "APEC"), ("asean", "ASEAN"),
        ("cica", "Conference on Interaction and Confidence-Building Measures in Asia"), ("g7", "G7"), ("eu", "European Union"),
        ("nato", "NATO"), ("au", "African Union"), ("oic", "Organisation of Islamic Cooperation"), ("gcc", "Gulf Cooperation Council"),
    ];

    /// <summary>Recurring forums.</summary>
    public static readonly string[] Forums =
    [
        "Eastern Economic Forum", "St. Petersburg International Economic Forum", "Valdai Discussion Club", "Belt and Road Forum",
        "Boao Forum for Asia", "Russian Energy Week", "Raisina Dialogue", "Shangri-La Dialogue", "Munich Security Conference",
        "World Economic Forum", "Astana International Forum", "Caspian Summit Forum",
    ];

    /// <summary>Who is quoted: spokespeople and aides. Audit by speaker searches this field.</summary>
    public static readonly string[] Speakers =
    [
        "Dmitry Peskov, Kremlin spokesman", "Maria Zakharova, Foreign Ministry spokeswoman", "Wang Wenbin, Foreign Ministry spokesperson",
        "Yury Ushakov, Kremlin aide", "Mao Ning, Foreign Ministry spokesperson", "John Kirby, National Security Council",
        "Matthew Miller, State Department spokesperson", "Arindam Bagchi, External Affairs spokesperson",
        "Steffen Hebestreit, government spokesman", "Anne-Claire Legendre, Foreign Ministry spokeswoman",
        "Hikariko Ono, Foreign Ministry press secretary", "Nasser Kanaani, Foreign Ministry spokesman",
        "Ibrahim Kalin, presidential spokesman", "Eric Mamer, Commission chief spokesperson", "Aibek Smadiyarov, Foreign Ministry spokesman",
        "Ruslan Zheldibay, presidential press secretary", "Natalia Eismont, presidential press secretary",
        "Sherzod Asadov, presidential press secretary", "Vincent Magwenya, presidential spokesperson",
        "the presidential press service", "a Foreign Ministry source", "the government press office",
    ];

    /// <summary>Outlets and the host their links use.</summary>
    public static readonly (string Name, string Host)[] Outlets =
    [
        ("TASS", "tass.com"), ("Xinhua", "english.news.cn"), ("RIA Novosti", "ria.ru"), ("Reuters", "www.reuters.com"),
        ("Interfax", "www.interfax.ru"), ("Kommersant", "www.kommersant.ru"), ("Associated Press", "apnews.com"),
        ("AFP", "www.afp.com"), ("Kazinform", "www.inform.kz"), ("Anadolu Agency", "www.aa.com.tr"), ("Kyodo News", "english.kyodonews.net"),
        ("Yonhap", "en.yna.co.kr"), ("Press Trust of India", "www.ptinews.com"), ("BBC News", "www.bbc.com"),
        ("Al Jazeera", "www.aljazeera.com"), ("Global Times", "www.globaltimes.cn"), ("BelTA", "eng.belta.by"), ("UzA", "uza.uz"),
    ];

    /// <summary>Reasons given for postponements, cancellations and declines.</summary>
    public static readonly string[] Reasons =
    [
        "scheduling conflicts", "the security situation", "the host's domestic situation", "ill health",
        "an extraordinary session at home", "the epidemiological situation", "a change in the host's programme",
        "disagreement over the agenda",
    ];

    /// <summary>Why an entry was retracted.</summary>
    public static readonly string[] RetractionReasons =
    [
        "entered against the wrong meeting", "the report was misread; it concerned another delegation",
        "the outlet corrected its story", "duplicate of an earlier entry with the wrong participant",
    ];
}
