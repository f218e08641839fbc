package vn.dondoc.task.extractions;

import java.time.LocalDate;
import java.util.List;

/**
 * What the notice says about itself. Every field is null when the text does not carry it (PDF conversions often
 * lose the letterhead with the number and the date).
 *
 * @param type        Thông báo, Kế hoạch, …
 * @param number      the document number as written ({@code 45/TB-SYT}; {@code /KH-SYT} for an unnumbered draft)
 * @param date        the date of issue ({@code Bắc Ninh, ngày 15 tháng 10 năm 2025})
 * @param dateText    the date as written
 * @param issuer      the issuing body, from the letterhead or, lacking one, from the notice's subject line
 * @param signer      the person who signed
 * @param signerTitle the signature's capacity lines ({@code TL. GIÁM ĐỐC, CHÁNH VĂN PHÒNG})
 * @param addressee   whom the notice asks to act by default ({@code đề nghị ngành y tế …}): the lead unit of items
 *                    that name none
 * @param warnings    what a reviewer should check, in Vietnamese
 */
public record DocumentInfo(Excerpt type, Excerpt number, LocalDate date, Excerpt dateText, Excerpt issuer,
                           Excerpt signer, Excerpt signerTitle, Excerpt addressee, List<String> warnings) {
}
