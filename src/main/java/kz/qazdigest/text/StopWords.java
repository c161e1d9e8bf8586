package kz.qazdigest.text;

import java.util.Arrays;
import java.util.Set;

/** Words too common to say what a sentence is about, per language. */
final class StopWords {
    private static final Set<String> KK = set("және мен бен пен бұл осы сол да де та те ол олар үшін бойынша туралы "
            + "арасындағы арасында сондай-ақ деп еді болып болды болады бар жоқ ал бірақ тағы бір екі барлық әр кейін "
            + "дейін арқылы жөнінде жөніндегі қатысты сияқты ретінде тиіс екенін екені атап өтті өтіп сонымен қатар "
            + "бірге ғана тек емес не неге қалай оның олардың біз біздің сіз мұнда онда кезде кезінде жыл жылы жылғы "
            + "саны көп аса астам шамамен соның ішінде де айтты деді мәселелері мәселелерін");
    private static final Set<String> RU = set("и в во на с со по для что это не из от к о об при за как также а но "
            + "его ее её их был была были было будет будут который которая которые которых между года году г у до "
            + "после под над только уже или то же так все всех этот эта эти этого этой том тем чем при ходе рамках "
            + "он она они мы вы наш наши свой своей своих более менее около является являются отметил заявил");
    private static final Set<String> EN = set("the of and to in a an is are was were for on with by at as that this "
            + "from be has have had will would its it said also which who been their they not but or he she his her "
            + "we our you your than then there these those into over about after before during between while more "
            + "most such can could may should all any each other new");

    private StopWords() {}

    static boolean isStopWord(String lowerWord, String lang) {
        return switch (lang) {
            case "kk" -> KK.contains(lowerWord);
            case "ru" -> RU.contains(lowerWord);
            case "en" -> EN.contains(lowerWord);
            default -> KK.contains(lowerWord) || RU.contains(lowerWord) || EN.contains(lowerWord);
        };
    }

    private static Set<String> set(String words) {
        return Set.copyOf(Arrays.asList(words.split(" ")));
    }
}
