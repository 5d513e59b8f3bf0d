package transform_test

// Tests of the children's social care indicators: contacts, referrals,
// assessments, section 47 enquiries, child protection plans and children
// looked after. Each runs the real pipeline over a small hand-written
// fixture under testdata/indicators, whose expected values are worked out
// by hand beside them; one more runs it over a public SSDA903 sample and
// checks the looked-after counts against a computation written here in Go.

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// period is one indicator and period label.
type period struct{ id, label string }

// checkAbsent fails for each indicator and period that has a value.
func (f *fixture) checkAbsent(periods []period) {
	f.t.Helper()
	for _, p := range periods {
		f.t.Run("absent "+p.id+" "+p.label, func(t *testing.T) {
			g := &fixture{t: t, db: f.db}
			g.absent(p.id, p.label)
		})
	}
}

// checkStatus compares an indicator's status and looks for a phrase in its
// reason ("" means the reason must be empty).
func (f *fixture) checkStatus(id, status, phrase string) {
	f.t.Helper()
	gotStatus, reason := f.status(id)
	if gotStatus != status {
		f.t.Errorf("%s status: got %q, want %q (reason %q)", id, gotStatus, status, reason)
	}
	switch {
	case phrase == "" && reason != "":
		f.t.Errorf("%s reason: got %q, want none", id, reason)
	case !strings.Contains(reason, phrase):
		f.t.Errorf("%s reason: got %q, want it to contain %q", id, reason, phrase)
	}
}

// The front door fixture (testdata/indicators/front_door), as of 1 July 2026:
//
//	contacts.csv        native contacts K001 to K008, January and February 2026
//	annex_a_list_1      C003 on 15/01/2026 (the same child and day as K003 and
//	                    K004, so not added), C008 on 20/01/2026 and C009 on
//	                    05/12/2025 (added, with no BRAG and no outcome)
//	annex_a_list_3      referrals from January 2025 to February 2026
//	annex_a_list_4      assessments around Christmas 2025 and Easter 2026, one
//	                    authorised before it started, one open since 2024,
//	                    one started in 2023 and authorised in June 2026
//	annex_a_list_5      section 47 enquiries from January to March 2026
//	population.csv      mid-2025 only: 40,000 children aged 0 to 17
func TestFrontDoorIndicators(t *testing.T) {
	f := runFixture(t, "front_door", "2026-07-01")

	f.check([]want{
		// CCA4: contacts covers December 2025 (C009, Annex A only) to
		// February 2026.
		{"CCA4", "2025-12", "all", 1, 1}, // C009
		// K001, K002, K003, K004 (same child and day as K003, its own
		// contact ID), K005 (31 January), C008 from Annex A = 6; the Annex A
		// row of C003 on 15/01 duplicates K003/K004 and is not added.
		{"CCA4", "2026-01", "all", 6, 6},
		{"CCA4", "2026-02", "all", 3, 3}, // K006, K007, K008

		// Final BRAG, native contacts only.
		{"CCA4.2", "2026-01", "all", 1, 1}, // Blue: K001
		{"CCA4.2", "2026-02", "all", 0, 0}, // no Blue in February
		{"CCA4.3", "2026-01", "all", 1, 1}, // Green: K002
		{"CCA4.3", "2026-02", "all", 1, 1}, // Green: K007
		{"CCA4.4", "2026-01", "all", 1, 1}, // Amber: K003
		{"CCA4.4", "2026-02", "all", 1, 1}, // Amber: K006
		{"CCA4.5", "2026-01", "all", 2, 2}, // Red: K004 (C003's second that day), K005
		{"CCA4.5", "2026-02", "all", 0, 0}, // K008 has no BRAG: in none

		// CCA1: referral to social care over native contacts.
		// January: K003 and K005 (31/01, its referral dated 02/02) of the 5
		// native contacts K001 to K005 (C008 is Annex A only) = 2/5 = 40%.
		{"CCA1", "2026-01", "all", 2, 40},
		// February: K007 of K006 (no outcome yet), K007, K008 = 1/3.
		{"CCA1", "2026-02", "all", 1, 100.0 / 3},

		// CCA10: referrals per 10,000 of 40,000 (mid-2025, for April 2025
		// to March 2026). January 2026: C010, C011, C013 twice (two sources
		// on 20/01) = 4, 4 / 40,000 * 10,000 = 1.0.
		{"CCA10", "2026-01", "all", 4, 1.0},
		// February: C004 on 02/02 (its contact K005 was 31/01), C012 on 10/02
		// and 20/02 = 3, 3 / 40,000 * 10,000 = 0.75.
		{"CCA10", "2026-02", "all", 3, 0.75},
		{"CCA10", "2025-06", "all", 0, 0}, // no referrals: a true zero

		// CCA11: January 2026 referrals: C010 on 15/01/2026 had one on
		// 15/01/2025, exactly 12 months before: a re-referral; C011 on
		// 15/01/2026 had one on 14/01/2025, 12 months and a day before: not;
		// C013's two referrals are the same day, neither strictly earlier:
		// not. 1 of 4 = 25%.
		{"CCA11", "2026-01", "all", 1, 25},
		// February: C004 (no referral before: not), C012 on 10/02 (NFA, no
		// referral before: not), C012 on 20/02 (10/02 is earlier and within
		// 12 months, NFA or not: a re-referral) = 1 of 3.
		{"CCA11", "2026-02", "all", 1, 100.0 / 3},

		// CCA12A and CCA14: assessments covers March 2026 (the earliest
		// authorisation, 02/03/2026) to June 2026. Working days after the
		// start up to the authorisation, weekends and bank holidays skipped:
		// C032 from Wed 24/12/2025: 25 and 26 December and 1 January are
		// holidays; 29-31 Dec = 3, 2 Jan = 4, five full weeks to 6 Feb = 29,
		// three more to 27 Feb = 44, Mon 2 March = 45 (within), so C033's
		// Tue 3 March = 46 (over). C034 started and was authorised on
		// 05/03 = 0 (within). C035 (authorised 09/03, started 10/03) is
		// refused by the extract. March: 3 authorised, 2 within = 66.67%.
		{"CCA12A", "2026-03", "all", 3, 3},
		{"CCA14", "2026-03", "all", 2, 200.0 / 3},
		{"CCA12A", "2026-04", "all", 0, 0},
		{"CCA14", "2026-04", "all", 0, nullValue}, // none authorised: no %
		// C030 and C031 from Thu 2 April 2026: 3 April (Good Friday) and
		// 6 April (Easter Monday) are holidays, so April gives 7-10 = 4,
		// 13-17 = 9, 20-24 = 14, 27-30 = 18; May gives 1 = 19, 5-8 = 23
		// (4 May a holiday), 11-15 = 28, 18-22 = 33, 26-29 = 37 (25 May a
		// holiday); June 1-5 = 42, 8, 9, 10 = 45: C030 authorised 10/06 is
		// within, C031 authorised 11/06 = 46 is over. C037, started
		// 01/06/2023 and authorised 15/06/2026, starts before the calendar
		// (from 1 January 2024, a year before the referrals' first month):
		// over. 1 of 3.
		{"CCA12A", "2026-06", "all", 3, 3},
		{"CCA14", "2026-06", "all", 1, 100.0 / 3},

		// CCA9: enquiries by strategy discussion date.
		{"CCA9", "2026-01", "all", 2, 2}, // C025 05/01, C020 20/01
		{"CCA9", "2026-02", "all", 3, 3}, // C022 03/02 and 25/02, C023 10/02
		{"CCA9", "2026-03", "all", 1, 1}, // C024 16/03
		{"CCA9", "2026-04", "all", 0, 0}, // covered to C024's ICPC, 02/04

		// ACM1: children with an ICPC, reported from February 2026 (the
		// month after the first enquiry month). February: C020 (05/02, its
		// enquiry in January), C022 (20/02 and 26/02: one child) = 2; C023's
		// conference was deemed unnecessary and has no date.
		{"ACM1", "2026-02", "all", 2, 2},
		{"ACM1", "2026-03", "all", 0, 0},
		{"ACM1", "2026-04", "all", 1, 1}, // C024 02/04
	})

	f.checkAbsent([]period{
		// No native contacts in December 2025: no BRAG or outcome measure.
		{"CCA4.2", "2025-12"}, {"CCA4.5", "2025-12"}, {"CCA1", "2025-12"},
		{"CCA4", "2025-11"}, {"CCA4", "2026-03"}, // outside the contacts
		// Referrals from January 2025, so re-referrals only from January
		// 2026, when 12 months of earlier referrals are there.
		{"CCA11", "2025-01"}, {"CCA11", "2025-12"},
		// CCA10 has no mid-2024 population for January to March 2025.
		{"CCA10", "2025-01"}, {"CCA10", "2025-03"},
		// Assessments start at the first authorisation, not at the open
		// assessment started in June 2024.
		{"CCA12A", "2024-06"}, {"CCA12A", "2026-02"}, {"CCA14", "2026-02"},
		{"ACM1", "2026-01"}, // C025's ICPC of 20/01 is in no reported month
	})

	t.Run("CCA10 names the missing mid-year", func(t *testing.T) {
		g := &fixture{t: t, db: f.db}
		g.checkStatus("CCA10", "computed", "mid-year 2024")
	})

	t.Run("assessment authorised before its start is refused", func(t *testing.T) {
		var n int
		err := f.db.QueryRow(`
			SELECT count(*)
			FROM etl_reject
			WHERE file_name = 'annex_a_list_4_assessments.csv'
				AND line = 7
				AND column_name = 'Continuous Assessment Date of Authorisation'
				AND reason LIKE '%09/03/2026 is before%10/03/2026%'`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("rejects for line 7: got %d, want 1", n)
		}
		// C035's row is not in the model, so no value counts it.
		err = f.db.QueryRow(`SELECT count(*) FROM cm_assessment
			WHERE start_date = DATE '2026-03-10'`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("assessments started 10/03/2026: got %d, want 0", n)
		}
	})
}

// The child protection fixture (testdata/indicators/child_protection), as of
// 10 March 2026. Annex A list 7 plans:
//
//	C046  20/11/2024 - open         previous 0
//	C041  01/03/2025 - 15/12/2025   previous 0 (the earliest end: cp
//	                                is covered from December 2025)
//	C042  05/05/2025 - 20/12/2025   previous 0
//	C040  10/06/2025 - 31/01/2026   previous 0 (ends on a month's last day)
//	C042  10/01/2026 - open         previous blank (1 earlier plan in data)
//	C043  14/01/2026 - open         previous 2
//	C044  31/01/2026 - open         previous 0 (starts on a month's last day)
//	C045  03/02/2026 - open         previous 0
func TestChildProtectionIndicators(t *testing.T) {
	f := runFixture(t, "child_protection", "2026-03-10")

	f.check([]want{
		// ACM2 at 31/12/2025: C046, C040 (C041 and C042's first plan ended
		// in December) = 2.
		{"ACM2", "2025-12", "all", 2, 2},
		// At 31/01/2026: C040 ended that day and has ceased; C046, C042
		// (second plan), C043, C044 (started that day) = 4.
		{"ACM2", "2026-01", "all", 4, 4},
		{"ACM2", "2026-02", "all", 5, 5}, // the 4 and C045

		// ACM3: starts in the month.
		{"ACM3", "2025-12", "all", 0, 0},
		{"ACM3", "2026-01", "all", 3, 3}, // C042, C043, C044
		{"ACM3", "2026-02", "all", 1, 1}, // C045

		// ACM4: of January's 3, C042 (blank count, one earlier plan in the
		// data) and C043 (council's count 2) had a previous plan: 2/3.
		{"ACM4", "2026-01", "all", 2, 200.0 / 3},
		{"ACM4", "2026-02", "all", 0, 0},         // C045: first plan, 0 of 1
		{"ACM4", "2025-12", "all", 0, nullValue}, // no plan started
	})

	f.checkAbsent([]period{
		// Plans open since 2024 do not make 2024 and most of 2025 covered:
		// plans that ended then are not in the list.
		{"ACM2", "2024-11"}, {"ACM2", "2025-11"}, {"ACM3", "2025-05"},
		{"ACM2", "2026-03"}, // the as-of month is never complete
	})
}

// The looked-after fixture (testdata/indicators/looked_after), as of 10 June
// 2026. SSDA903 episodes (start - end reason; RNE, legal status, placement):
//
//	C050  01/04/2025 - 15/09/2025 X1  S V2 U1
//	      15/09/2025 - 10/01/2026 X1  L C2 U1   change of legal status only
//	      10/01/2026 - open           P C2 U4   2 placements
//	C051  10/05/2025 - 01/08/2025 X1  S V2 U1
//	      01/08/2025 - 05/11/2025 X1  P V2 R1
//	      05/11/2025 - open           B C1 U3   3 placements
//	C052  01/05/2025 - 01/06/2025 X1  S V2 U1
//	      01/06/2025 - 01/12/2025 X1  P V2 U4
//	      01/12/2025 - open           P V2 U5   3 placements, the first
//	                                            ending 01/06/2025
//	C053  01/06/2025 - 01/09/2025 X1  S C2 U1
//	      01/09/2025 - 01/12/2025 X1  P C2 U4
//	      01/12/2025 - open           T E1 A5   placed for adoption with the
//	                                            same carer: 2 placements
//	C054  01/05/2025 - open           S V4 U1   series of short breaks
//	C055  10/03/2026 - 12/03/2026 E4A S V3 U1   single short break
//	C056  15/01/2026 - 31/03/2026 E4A S V2 U1   ceases on a month's last day
//	C057  01/02/2024 - open           S V2 U1   in care before the data's year
//	C058  05/05/2026 - open           S V2 U1
//	C059  20/06/2025 - 18/10/2025 E4B S V2 U1
//	      02/02/2026 - open           S V2 U4   back in care: 2 placements
//	C061  01/05/2025 - 01/07/2025 E4A S V2 U1
//	      10/08/2025 - 12/08/2025 X1  S V3 U1   a short break, left out
//	      12/08/2025 - 01/11/2025 X1  L V2 U4   after a gap: a new placement
//	      01/11/2025 - open           P V2 U5   3 placements
//
// Looked after (short breaks left out) from start to end: C050, C051, C052,
// C053, C057 throughout from their start; C056 15/01/2026 to 31/03/2026;
// C058 from 05/05/2026; C059 20/06/2025 to 18/10/2025 and from 02/02/2026;
// C061 01/05/2025 to 01/07/2025 and from 12/08/2025.
//
// The earliest end is 01/06/2025, so cla is covered from 1 April 2025; the
// latest date is 05/05/2026, so to May 2026. population.csv: mid-2025 40,000,
// mid-2026 35,000.
func TestLookedAfterIndicators(t *testing.T) {
	f := runFixture(t, "looked_after", "2026-06-10")

	f.check([]want{
		// CLA1 at each month end (short breaks C054, C055 never counted).
		{"CLA1", "2025-04", "all", 2, 2}, // C050, C057
		{"CLA1", "2025-05", "all", 5, 5}, // + C051, C052, C061
		{"CLA1", "2025-06", "all", 7, 7}, // + C053, C059
		{"CLA1", "2025-07", "all", 6, 6}, // C061 ceased 01/07
		{"CLA1", "2025-08", "all", 7, 7}, // C061 back (V3, then V2 on 12/08)
		{"CLA1", "2025-09", "all", 7, 7}, // C050's X1 on 15/09 changes nothing
		{"CLA1", "2025-10", "all", 6, 6}, // C059 ceased 18/10
		{"CLA1", "2026-01", "all", 7, 7}, // + C056
		{"CLA1", "2026-02", "all", 8, 8}, // + C059 again
		{"CLA1", "2026-03", "all", 7, 7}, // C056 ceased 31/03: not counted
		{"CLA1", "2026-04", "all", 7, 7},
		{"CLA1", "2026-05", "all", 8, 8}, // + C058

		// CLA2: episodes with RNE S, short breaks left out.
		{"CLA2", "2025-04", "all", 1, 1}, // C050
		{"CLA2", "2025-05", "all", 3, 3}, // C051, C052, C061 (C054 a short break)
		{"CLA2", "2025-06", "all", 2, 2}, // C053, C059
		{"CLA2", "2025-08", "all", 0, 0}, // C061's S is a short break, then L
		{"CLA2", "2025-09", "all", 0, 0}, // C050's L episode is not a start
		{"CLA2", "2026-01", "all", 1, 1}, // C056 (C050's P is not a start)
		{"CLA2", "2026-02", "all", 1, 1}, // C059's return
		{"CLA2", "2026-03", "all", 0, 0}, // C055 a short break
		{"CLA2", "2026-05", "all", 1, 1}, // C058

		// CLA4: ends other than X1, short breaks left out.
		{"CLA4", "2025-07", "all", 1, 1}, // C061 E4A on 01/07
		{"CLA4", "2025-08", "all", 0, 0}, // C061's short break ended X1
		{"CLA4", "2025-09", "all", 0, 0}, // C050's X1
		{"CLA4", "2025-10", "all", 1, 1}, // C059 E4B
		{"CLA4", "2025-11", "all", 0, 0}, // C051's and C061's X1
		{"CLA4", "2026-01", "all", 0, 0}, // C050's X1
		{"CLA4", "2026-03", "all", 1, 1}, // C056 on 31/03 (C055 short break)

		// CLA5: CLA1 per 10,000; April 2025 to March 2026 over mid-2025,
		// April 2026 on over mid-2026.
		{"CLA5", "2025-05", "all", 5, 1.25},      // 5 / 40,000 * 10,000
		{"CLA5", "2026-03", "all", 7, 1.75},      // 7 / 40,000 * 10,000
		{"CLA5", "2026-04", "all", 7, 2.0},       // 7 / 35,000 * 10,000
		{"CLA5", "2026-05", "all", 8, 80.0 / 35}, // 8 / 35,000 * 10,000

		// CLA14, from March 2026 (12 months from 1 April 2025).
		// March (1 April 2025 to 31 March 2026), cohort C050, C051, C052,
		// C053, C057, C059, C061 = 7 (C056 ceased 31/03). Placements: C050
		// 2 (S, L the same, P), C051 3, C052 3, C053 2 (T into A5 not a
		// move), C057 1, C059 2 (a gap, then S), C061 3 (S; the L after a
		// gap and a short break; P) = 3 of 7.
		{"CLA14", "2026-03", "all", 3, 300.0 / 7},
		// April (1 May 2025 to 30 April 2026): the same cohort; C052's first
		// placement (to 01/06/2025), C051's (from 10/05/2025) and C061's
		// (from 01/05/2025) overlap = 3 of 7.
		{"CLA14", "2026-04", "all", 3, 300.0 / 7},
		// May (1 June 2025 to 31 May 2026), cohort + C058 (1) = 8: C052's
		// first placement ended on 01/06/2025, the window's first day, so
		// it has 2; C051 and C061 (first placement to 01/07/2025) have 3 =
		// 2 of 8.
		{"CLA14", "2026-05", "all", 2, 25},
	})

	f.checkAbsent([]period{
		{"CLA1", "2025-03"}, {"CLA1", "2024-02"}, // before the first return year
		{"CLA1", "2026-06"},                        // the as-of month
		{"CLA14", "2025-04"}, {"CLA14", "2026-02"}, // less than 12 months back
	})
	t.Run("CLA5 has every population it needs", func(t *testing.T) {
		g := &fixture{t: t, db: f.db}
		g.checkStatus("CLA5", "computed", "")
	})
}

// The no-population fixture (testdata/indicators/no_population) holds one
// referral (12/01/2026), one episode (01/05/2025 to 10/06/2025) and a
// population for mid-2019 only: the rates need mid-2025 and have no value.
func TestRatesWithoutPopulation(t *testing.T) {
	f := runFixture(t, "no_population", "2026-03-01")

	for _, id := range []string{"CCA10", "CLA5"} {
		t.Run(id, func(t *testing.T) {
			g := &fixture{t: t, db: f.db}
			g.checkStatus(id, "not_computed", "mid-year 2025")
		})
	}
	f.checkAbsent([]period{{"CCA10", "2026-01"}, {"CLA5", "2025-05"}})
	// The counts beside them are computed.
	f.check([]want{
		{"CLA1", "2025-05", "all", 1, 1}, // C071
		{"CLA4", "2025-06", "all", 1, 1}, // C071 ceased 10/06/2025
	})
}

// publicSample is the SSDA903 fake data published with DfE's SSDA903
// validator, beside the repository.
var publicSample = filepath.Join("..", "..", "shared", "data", "public", "ssda903-fake")

// TestLookedAfterCountsOnPublicSample runs the pipeline over the public
// SSDA903 sample and recomputes CLA1, CLA2 and CLA4 for every month from its
// episodes.csv, read here with encoding/csv. The sample's codes are random,
// so it holds many X1 chains, short breaks and cessations.
func TestLookedAfterCountsOnPublicSample(t *testing.T) {
	if _, err := os.Stat(publicSample); err != nil {
		t.Skipf("the public samples are not beside the repository: %v", err)
	}
	const asOf = "2026-12-04"
	f := runInbox(t, copyInbox(t, publicSample), asOf)

	// The extract must have refused none of the episodes, so that the
	// computation below reads the same rows.
	var refused int64
	err := f.db.QueryRow(`SELECT rows_refused FROM etl_file
		WHERE file_name = 'episodes.csv'`).Scan(&refused)
	if err != nil {
		t.Fatal(err)
	}
	if refused != 0 {
		t.Fatalf("episodes.csv rows refused: got %d, want 0", refused)
	}

	eps := readEpisodes(t, filepath.Join(publicSample, "episodes.csv"))
	months := coveredMonths(eps, asOf)
	if len(months) < 12 {
		t.Fatalf("months covered: got %d, want at least 12", len(months))
	}
	t.Logf("comparing %d months, %s to %s", len(months), months[0].Format("2006-01"),
		months[len(months)-1].Format("2006-01"))
	for _, id := range []string{"CLA1", "CLA2", "CLA4"} {
		got := f.values(id)
		if len(got) != len(months) {
			t.Errorf("%s periods: got %d, want %d", id, len(got), len(months))
		}
		for _, m := range months {
			want := countMonth(id, eps, m)
			g, ok := got[m.Format("2006-01")]
			if !ok {
				t.Errorf("%s %s: no value, want %d", id, m.Format("2006-01"), want)
				continue
			}
			if g != float64(want) {
				t.Errorf("%s %s: got %v, want %d", id, m.Format("2006-01"), g, want)
			}
		}
	}
}

// copyInbox copies the regular files of dir to a temporary inbox, since a
// run removes the files it quarantines from its inbox and the public
// samples must stay as they are.
func copyInbox(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	inbox := t.TempDir()
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(inbox, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return inbox
}

// values returns an indicator's 'all' numerators by period label, for
// complete periods.
func (f *fixture) values(id string) map[string]float64 {
	f.t.Helper()
	rows, err := f.db.Query(`SELECT period_label, numerator FROM indicator_values
		WHERE indicator_id = ? AND breakdown = 'all' AND NOT to_date`, id)
	if err != nil {
		f.t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]float64{}
	for rows.Next() {
		var label string
		var n float64
		if err := rows.Scan(&label, &n); err != nil {
			f.t.Fatal(err)
		}
		out[label] = n
	}
	if err := rows.Err(); err != nil {
		f.t.Fatal(err)
	}
	return out
}

// episode is one SSDA903 episode; end is zero while it is open.
type episode struct {
	child      string
	start, end time.Time
	rne, ls    string
	rec        string
}

// readEpisodes reads an SSDA903 episodes file, keeping the last row for
// each child and start date as a later return replaces an earlier one.
func readEpisodes(t *testing.T, path string) []episode {
	t.Helper()
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	r := csv.NewReader(file)
	head, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(h)] = i
	}
	date := func(s string) time.Time {
		if strings.TrimSpace(s) == "" {
			return time.Time{}
		}
		d, err := time.Parse("02/01/2006", strings.TrimSpace(s))
		if err != nil {
			t.Fatalf("%s: date %q: %v", path, s, err)
		}
		return d
	}
	type key struct {
		child string
		start time.Time
	}
	last := map[key]episode{}
	var order []key
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		e := episode{
			child: rec[col["CHILD"]],
			start: date(rec[col["DECOM"]]),
			end:   date(rec[col["DEC"]]),
			rne:   rec[col["RNE"]],
			ls:    rec[col["LS"]],
			rec:   rec[col["REC"]],
		}
		k := key{e.child, e.start}
		if _, seen := last[k]; !seen {
			order = append(order, k)
		}
		last[k] = e
	}
	out := make([]episode, 0, len(order))
	for _, k := range order {
		out = append(out, last[k])
	}
	return out
}

// coveredMonths are the first days of the months the looked-after data
// cover, by the model's rule, that ended before asOf: from 1 April of the
// financial year of the earliest episode end to the month of the latest
// start or end.
func coveredMonths(eps []episode, asOf string) []time.Time {
	var firstEnd, latest time.Time
	for _, e := range eps {
		if !e.end.IsZero() && (firstEnd.IsZero() || e.end.Before(firstEnd)) {
			firstEnd = e.end
		}
		for _, d := range []time.Time{e.start, e.end} {
			if d.After(latest) {
				latest = d
			}
		}
	}
	if firstEnd.IsZero() {
		return nil
	}
	year := firstEnd.Year()
	if firstEnd.Month() < time.April {
		year--
	}
	day, _ := time.Parse(time.DateOnly, asOf)
	var months []time.Time
	m := time.Date(year, time.April, 1, 0, 0, 0, 0, time.UTC)
	for ; !m.After(latest); m = m.AddDate(0, 1, 0) {
		if m.AddDate(0, 1, -1).Before(day) {
			months = append(months, m)
		}
	}
	return months
}

// countMonth counts the distinct children of CLA1, CLA2 or CLA4 for the
// month starting on first, short breaks (V3, V4) left out: CLA1 those with
// an episode open at the end of the month's last day (an episode ending
// that day has ceased), CLA2 those with an episode of RNE S starting in the
// month, CLA4 those with an episode ending in the month for a reason other
// than X1.
func countMonth(id string, eps []episode, first time.Time) int {
	last := first.AddDate(0, 1, -1)
	in := func(d time.Time) bool { return !d.IsZero() && !d.Before(first) && !d.After(last) }
	children := map[string]bool{}
	for _, e := range eps {
		if e.ls == "V3" || e.ls == "V4" {
			continue
		}
		var counted bool
		switch id {
		case "CLA1":
			counted = !e.start.After(last) && (e.end.IsZero() || e.end.After(last))
		case "CLA2":
			counted = e.rne == "S" && in(e.start)
		case "CLA4":
			counted = e.rec != "X1" && in(e.end)
		}
		if counted {
			children[e.child] = true
		}
	}
	return len(children)
}
